using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LockOnSharedState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EmailAttempts",
                table: "Notifications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmailRetryAt",
                table: "Notifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DocumentBuilds",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    StatusJson = table.Column<string>(type: "text", nullable: false),
                    ResultSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UpdatedUnix = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentBuilds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PendingUploads",
                columns: table => new
                {
                    Token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Extension = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    BudgetYearId = table.Column<int>(type: "integer", nullable: true),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedUnix = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingUploads", x => x.Token);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_EmailRetryAt",
                table: "Notifications",
                column: "EmailRetryAt");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentBuilds_UpdatedUnix",
                table: "DocumentBuilds",
                column: "UpdatedUnix");

            migrationBuilder.CreateIndex(
                name: "IX_PendingUploads_CreatedUnix",
                table: "PendingUploads",
                column: "CreatedUnix");
            // the period lock is on for every instansi (issue 21): existing ones too
            migrationBuilder.Sql("UPDATE \"Agencies\" SET \"LockPeriods\" = TRUE;");
            // the national roll-up reads the counts by their element (issue 23)
            migrationBuilder.Sql("CREATE INDEX \"IX_WorkbookRows_CountsElement\" ON \"WorkbookRows\" ((\"CellsJson\"::jsonb ->> 'element'), \"ReportingYearId\") WHERE \"Sheet\" = 'dataValues';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_WorkbookRows_CountsElement\";");
            migrationBuilder.DropTable(
                name: "DocumentBuilds");

            migrationBuilder.DropTable(
                name: "PendingUploads");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_EmailRetryAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "EmailAttempts",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "EmailRetryAt",
                table: "Notifications");
        }
    }
}
