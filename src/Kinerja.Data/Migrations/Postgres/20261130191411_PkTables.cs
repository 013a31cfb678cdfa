using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kinerja.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PkTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PkBudget",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportingYearId = table.Column<int>(type: "integer", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: true),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    PkVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true),
                    Parent = table.Column<string>(type: "text", nullable: true),
                    Level = table.Column<string>(type: "text", nullable: true),
                    Pagu = table.Column<string>(type: "text", nullable: true),
                    Goals = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PkBudget", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PkBudget_Years_ReportingYearId",
                        column: x => x.ReportingYearId,
                        principalTable: "Years",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PkVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportingYearId = table.Column<int>(type: "integer", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: true),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    PkVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SigningDate = table.Column<string>(type: "text", nullable: true),
                    Place = table.Column<string>(type: "text", nullable: true),
                    FirstPosition = table.Column<string>(type: "text", nullable: true),
                    FirstName = table.Column<string>(type: "text", nullable: true),
                    FirstNip = table.Column<string>(type: "text", nullable: true),
                    FirstRank = table.Column<string>(type: "text", nullable: true),
                    FirstActing = table.Column<string>(type: "text", nullable: true),
                    FirstPolitical = table.Column<string>(type: "text", nullable: true),
                    SecondPosition = table.Column<string>(type: "text", nullable: true),
                    SecondName = table.Column<string>(type: "text", nullable: true),
                    SecondNip = table.Column<string>(type: "text", nullable: true),
                    SecondRank = table.Column<string>(type: "text", nullable: true),
                    SecondActing = table.Column<string>(type: "text", nullable: true),
                    SecondPolitical = table.Column<string>(type: "text", nullable: true),
                    OneParty = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PkVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PkVersions_Years_ReportingYearId",
                        column: x => x.ReportingYearId,
                        principalTable: "Years",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PkBudget_ReportingYearId_Ordinal",
                table: "PkBudget",
                columns: new[] { "ReportingYearId", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_PkVersions_ReportingYearId_Ordinal",
                table: "PkVersions",
                columns: new[] { "ReportingYearId", "Ordinal" });

            // the PK sheets were kept as raw cells until now: their rows move into the new tables unchanged
            migrationBuilder.Sql("INSERT INTO \"PkVersions\" (\"ReportingYearId\", \"AgencyId\", \"Ordinal\", \"ConcurrencyVersion\", \"PkVersion\", \"SigningDate\", \"Place\", \"FirstPosition\", \"FirstName\", \"FirstNip\", \"FirstRank\", \"FirstActing\", \"FirstPolitical\", \"SecondPosition\", \"SecondName\", \"SecondNip\", \"SecondRank\", \"SecondActing\", \"SecondPolitical\", \"OneParty\") SELECT r.\"ReportingYearId\", y.\"AgencyId\", r.\"Ordinal\", 0, COALESCE((r.\"CellsJson\"::json ->> 'version'), ''), (r.\"CellsJson\"::json ->> 'date'), (r.\"CellsJson\"::json ->> 'place'), (r.\"CellsJson\"::json ->> 'firstPosition'), (r.\"CellsJson\"::json ->> 'firstName'), (r.\"CellsJson\"::json ->> 'firstNip'), (r.\"CellsJson\"::json ->> 'firstRank'), (r.\"CellsJson\"::json ->> 'firstActing'), (r.\"CellsJson\"::json ->> 'firstPolitical'), (r.\"CellsJson\"::json ->> 'secondPosition'), (r.\"CellsJson\"::json ->> 'secondName'), (r.\"CellsJson\"::json ->> 'secondNip'), (r.\"CellsJson\"::json ->> 'secondRank'), (r.\"CellsJson\"::json ->> 'secondActing'), (r.\"CellsJson\"::json ->> 'secondPolitical'), (r.\"CellsJson\"::json ->> 'oneParty') FROM \"WorkbookRows\" r JOIN \"Years\" y ON y.\"Id\" = r.\"ReportingYearId\" WHERE r.\"Sheet\" = 'pkVersions';");
            migrationBuilder.Sql("INSERT INTO \"PkBudget\" (\"ReportingYearId\", \"AgencyId\", \"Ordinal\", \"ConcurrencyVersion\", \"PkVersion\", \"Code\", \"Name\", \"Parent\", \"Level\", \"Pagu\", \"Goals\") SELECT r.\"ReportingYearId\", y.\"AgencyId\", r.\"Ordinal\", 0, COALESCE((r.\"CellsJson\"::json ->> 'version'), ''), COALESCE((r.\"CellsJson\"::json ->> 'code'), ''), (r.\"CellsJson\"::json ->> 'name'), (r.\"CellsJson\"::json ->> 'parent'), (r.\"CellsJson\"::json ->> 'level'), (r.\"CellsJson\"::json ->> 'pagu'), (r.\"CellsJson\"::json ->> 'goals') FROM \"WorkbookRows\" r JOIN \"Years\" y ON y.\"Id\" = r.\"ReportingYearId\" WHERE r.\"Sheet\" = 'pkBudget';");
            migrationBuilder.Sql("DELETE FROM \"WorkbookRows\" WHERE \"Sheet\" IN ('pkVersions', 'pkBudget');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // back to raw cells before the tables go
            migrationBuilder.Sql("INSERT INTO \"WorkbookRows\" (\"ReportingYearId\", \"Sheet\", \"Ordinal\", \"CellsJson\") SELECT \"ReportingYearId\", 'pkVersions', \"Ordinal\", json_strip_nulls(json_build_object('version', \"PkVersion\", 'date', \"SigningDate\", 'place', \"Place\", 'firstPosition', \"FirstPosition\", 'firstName', \"FirstName\", 'firstNip', \"FirstNip\", 'firstRank', \"FirstRank\", 'firstActing', \"FirstActing\", 'firstPolitical', \"FirstPolitical\", 'secondPosition', \"SecondPosition\", 'secondName', \"SecondName\", 'secondNip', \"SecondNip\", 'secondRank', \"SecondRank\", 'secondActing', \"SecondActing\", 'secondPolitical', \"SecondPolitical\", 'oneParty', \"OneParty\"))::text FROM \"PkVersions\";");
            migrationBuilder.Sql("INSERT INTO \"WorkbookRows\" (\"ReportingYearId\", \"Sheet\", \"Ordinal\", \"CellsJson\") SELECT \"ReportingYearId\", 'pkBudget', \"Ordinal\", json_strip_nulls(json_build_object('version', \"PkVersion\", 'code', \"Code\", 'name', \"Name\", 'parent', \"Parent\", 'level', \"Level\", 'pagu', \"Pagu\", 'goals', \"Goals\"))::text FROM \"PkBudget\";");

            migrationBuilder.DropTable(
                name: "PkBudget");

            migrationBuilder.DropTable(
                name: "PkVersions");
        }
    }
}
