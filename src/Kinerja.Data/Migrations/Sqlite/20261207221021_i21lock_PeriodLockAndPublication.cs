using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class i21lock_PeriodLockAndPublication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CapaianJson",
                table: "PublishedDocuments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConcurrencyVersion",
                table: "PublishedDocuments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ScanFileName",
                table: "PublishedDocuments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScanSha256",
                table: "PublishedDocuments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ScanSize",
                table: "PublishedDocuments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ScanUploadedAt",
                table: "PublishedDocuments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScanUploadedBy",
                table: "PublishedDocuments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LockPeriods",
                table: "Agencies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "PeriodReopenings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ConcurrencyVersion = table.Column<int>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_PeriodReopenings_AgencyId_Year_Period_UnitCode",
                table: "PeriodReopenings",
                columns: new[] { "AgencyId", "Year", "Period", "UnitCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PeriodReopenings");

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
                name: "LockPeriods",
                table: "Agencies");
        }
    }
}
