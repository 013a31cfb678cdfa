using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I23scale_RegionsRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CatalogueCode",
                table: "Indicators",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegionCode",
                table: "Agencies",
                type: "TEXT",
                maxLength: 5,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataVersions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "DataVersions",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            // indicators imported before the link existed: those named by a catalogue code (formula matches are set on the next import or plan edit)
            migrationBuilder.Sql("UPDATE \"Indicators\" SET \"CatalogueCode\" = UPPER(\"Code\") WHERE UPPER(\"Code\") IN ('TPT', 'TPAK', 'TPAK_PEREMPUAN', 'PENEMPATAN', 'CAKUPAN_JAMSOS', 'PERLINDUNGAN_PEKERJA', 'PELATIHAN_KOMPETEN', 'SERTIFIKASI', 'PPHI', 'PERUSAHAAN_PATUH', 'INDEKS_KEPUASAN_LIKERT', 'EFEKTIVITAS_BERTAHAP', 'KONTRIBUSI_PRODUKTIVITAS')");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_CatalogueCode_ReportingYearId",
                table: "Indicators",
                columns: new[] { "CatalogueCode", "ReportingYearId" });

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_RegionCode",
                table: "Agencies",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataVersions");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_CatalogueCode_ReportingYearId",
                table: "Indicators");

            migrationBuilder.DropIndex(
                name: "IX_Agencies_RegionCode",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "CatalogueCode",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "RegionCode",
                table: "Agencies");
        }
    }
}
