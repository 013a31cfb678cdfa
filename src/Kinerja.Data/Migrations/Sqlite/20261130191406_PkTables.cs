using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportingYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    PkVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    Parent = table.Column<string>(type: "TEXT", nullable: true),
                    Level = table.Column<string>(type: "TEXT", nullable: true),
                    Pagu = table.Column<string>(type: "TEXT", nullable: true),
                    Goals = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyVersion = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportingYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    PkVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SigningDate = table.Column<string>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", nullable: true),
                    FirstPosition = table.Column<string>(type: "TEXT", nullable: true),
                    FirstName = table.Column<string>(type: "TEXT", nullable: true),
                    FirstNip = table.Column<string>(type: "TEXT", nullable: true),
                    FirstRank = table.Column<string>(type: "TEXT", nullable: true),
                    FirstActing = table.Column<string>(type: "TEXT", nullable: true),
                    FirstPolitical = table.Column<string>(type: "TEXT", nullable: true),
                    SecondPosition = table.Column<string>(type: "TEXT", nullable: true),
                    SecondName = table.Column<string>(type: "TEXT", nullable: true),
                    SecondNip = table.Column<string>(type: "TEXT", nullable: true),
                    SecondRank = table.Column<string>(type: "TEXT", nullable: true),
                    SecondActing = table.Column<string>(type: "TEXT", nullable: true),
                    SecondPolitical = table.Column<string>(type: "TEXT", nullable: true),
                    OneParty = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyVersion = table.Column<int>(type: "INTEGER", nullable: false)
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
            migrationBuilder.Sql("INSERT INTO PkVersions (ReportingYearId, AgencyId, Ordinal, ConcurrencyVersion, PkVersion, SigningDate, Place, FirstPosition, FirstName, FirstNip, FirstRank, FirstActing, FirstPolitical, SecondPosition, SecondName, SecondNip, SecondRank, SecondActing, SecondPolitical, OneParty) SELECT r.ReportingYearId, y.AgencyId, r.Ordinal, 0, COALESCE(json_extract(r.CellsJson, '$.version'), ''), json_extract(r.CellsJson, '$.date'), json_extract(r.CellsJson, '$.place'), json_extract(r.CellsJson, '$.firstPosition'), json_extract(r.CellsJson, '$.firstName'), json_extract(r.CellsJson, '$.firstNip'), json_extract(r.CellsJson, '$.firstRank'), json_extract(r.CellsJson, '$.firstActing'), json_extract(r.CellsJson, '$.firstPolitical'), json_extract(r.CellsJson, '$.secondPosition'), json_extract(r.CellsJson, '$.secondName'), json_extract(r.CellsJson, '$.secondNip'), json_extract(r.CellsJson, '$.secondRank'), json_extract(r.CellsJson, '$.secondActing'), json_extract(r.CellsJson, '$.secondPolitical'), json_extract(r.CellsJson, '$.oneParty') FROM WorkbookRows r JOIN Years y ON y.Id = r.ReportingYearId WHERE r.Sheet = 'pkVersions';");
            migrationBuilder.Sql("INSERT INTO PkBudget (ReportingYearId, AgencyId, Ordinal, ConcurrencyVersion, PkVersion, Code, Name, Parent, Level, Pagu, Goals) SELECT r.ReportingYearId, y.AgencyId, r.Ordinal, 0, COALESCE(json_extract(r.CellsJson, '$.version'), ''), COALESCE(json_extract(r.CellsJson, '$.code'), ''), json_extract(r.CellsJson, '$.name'), json_extract(r.CellsJson, '$.parent'), json_extract(r.CellsJson, '$.level'), json_extract(r.CellsJson, '$.pagu'), json_extract(r.CellsJson, '$.goals') FROM WorkbookRows r JOIN Years y ON y.Id = r.ReportingYearId WHERE r.Sheet = 'pkBudget';");
            migrationBuilder.Sql("DELETE FROM WorkbookRows WHERE Sheet IN ('pkVersions', 'pkBudget');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // back to raw cells before the tables go
            migrationBuilder.Sql("INSERT INTO WorkbookRows (ReportingYearId, Sheet, Ordinal, CellsJson) SELECT ReportingYearId, 'pkVersions', Ordinal, json_patch('{}', json_object('version', PkVersion, 'date', SigningDate, 'place', Place, 'firstPosition', FirstPosition, 'firstName', FirstName, 'firstNip', FirstNip, 'firstRank', FirstRank, 'firstActing', FirstActing, 'firstPolitical', FirstPolitical, 'secondPosition', SecondPosition, 'secondName', SecondName, 'secondNip', SecondNip, 'secondRank', SecondRank, 'secondActing', SecondActing, 'secondPolitical', SecondPolitical, 'oneParty', OneParty)) FROM PkVersions;");
            migrationBuilder.Sql("INSERT INTO WorkbookRows (ReportingYearId, Sheet, Ordinal, CellsJson) SELECT ReportingYearId, 'pkBudget', Ordinal, json_patch('{}', json_object('version', PkVersion, 'code', Code, 'name', Name, 'parent', Parent, 'level', Level, 'pagu', Pagu, 'goals', Goals)) FROM PkBudget;");

            migrationBuilder.DropTable(
                name: "PkBudget");

            migrationBuilder.DropTable(
                name: "PkVersions");
        }
    }
}
