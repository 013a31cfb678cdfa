using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmailRetryAt",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DocumentBuilds",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusJson = table.Column<string>(type: "TEXT", nullable: false),
                    ResultSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedUnix = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentBuilds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PendingUploads",
                columns: table => new
                {
                    Token = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Extension = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    BudgetYearId = table.Column<int>(type: "INTEGER", nullable: true),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedUnix = table.Column<long>(type: "INTEGER", nullable: false)
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
            migrationBuilder.Sql("UPDATE \"Agencies\" SET \"LockPeriods\" = 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
