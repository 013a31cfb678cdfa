using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kinerja.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issues21To24 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CapaianJson",
                table: "PublishedDocuments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConcurrencyVersion",
                table: "PublishedDocuments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ScanFileName",
                table: "PublishedDocuments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScanSha256",
                table: "PublishedDocuments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ScanSize",
                table: "PublishedDocuments",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ScanUploadedAt",
                table: "PublishedDocuments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScanUploadedBy",
                table: "PublishedDocuments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Pengampu",
                table: "PkBudget",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CatalogueCode",
                table: "Indicators",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EmailRemindersOff",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "LockPeriods",
                table: "Agencies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RegionCode",
                table: "Agencies",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: true),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EmailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EmailNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeriodReopenings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IndicatorCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Until = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConcurrencyVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodReopenings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeriodReopenings_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "DataVersions",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_CatalogueCode_ReportingYearId",
                table: "Indicators",
                columns: new[] { "CatalogueCode", "ReportingYearId" });

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_RegionCode",
                table: "Agencies",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Key",
                table: "Notifications",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PeriodReopenings_AgencyId_Year_Period_UnitCode",
                table: "PeriodReopenings",
                columns: new[] { "AgencyId", "Year", "Period", "UnitCode" });
            // indicators already stored whose code is a catalogue code are linked to it (issue 23, the national roll-up)
            migrationBuilder.Sql("UPDATE \"Indicators\" SET \"CatalogueCode\" = UPPER(\"Code\") WHERE UPPER(\"Code\") IN ('TPT', 'TPAK', 'TPAK_PEREMPUAN', 'PENEMPATAN', 'CAKUPAN_JAMSOS', 'PERLINDUNGAN_PEKERJA', 'PELATIHAN_KOMPETEN', 'SERTIFIKASI', 'PPHI', 'PERUSAHAAN_PATUH', 'INDEKS_KEPUASAN_LIKERT', 'EFEKTIVITAS_BERTAHAP', 'KONTRIBUSI_PRODUKTIVITAS')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DataVersions");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "PeriodReopenings");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_CatalogueCode_ReportingYearId",
                table: "Indicators");

            migrationBuilder.DropIndex(
                name: "IX_Agencies_RegionCode",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "CapaianJson",
                table: "PublishedDocuments");

            migrationBuilder.DropColumn(
                name: "ConcurrencyVersion",
                table: "PublishedDocuments");

            migrationBuilder.DropColumn(
                name: "ScanFileName",
                table: "PublishedDocuments");

            migrationBuilder.DropColumn(
                name: "ScanSha256",
                table: "PublishedDocuments");

            migrationBuilder.DropColumn(
                name: "ScanSize",
                table: "PublishedDocuments");

            migrationBuilder.DropColumn(
                name: "ScanUploadedAt",
                table: "PublishedDocuments");

            migrationBuilder.DropColumn(
                name: "ScanUploadedBy",
                table: "PublishedDocuments");

            migrationBuilder.DropColumn(
                name: "Pengampu",
                table: "PkBudget");

            migrationBuilder.DropColumn(
                name: "CatalogueCode",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "EmailRemindersOff",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LockPeriods",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "RegionCode",
                table: "Agencies");
        }
    }
}
