using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Tests;

/// <summary>A PK Perubahan declared without a signing date is being prepared: it is not in force and measures nothing until signed.</summary>
public class PkDraftTests
{
    private static MeasuredValue N(string text) => MeasuredValueParser.Parse(text, TargetKind.Number, "Orang").Value;

    private static PerformanceDataset Year(string? perubahanDate, bool declareAwal = true) => new()
    {
        Profile = A.Profile(period: "2025"),
        Indicators = [new Indicator { Code = "IK-1", GoalCode = "S1", Name = "Pencari kerja ditempatkan", Satuan = "Orang", OwnerUnitCode = "D" }],
        Targets = [new Target("IK-1", Period.OfYear(2025), N("1.000"), Document: "PK"), new Target("IK-1", Period.OfYear(2025), N("1.200"), Document: "PK Perubahan")],
        PkVersions =
        [
            .. declareAwal ? new[] { new PkVersion { Id = PkVersionId.Awal, SignedOn = SigningDate.Parse("2 Januari 2025").Value } } : [],
            new PkVersion { Id = PkVersionId.Perubahan(1), SignedOn = perubahanDate is null ? null : SigningDate.Parse(perubahanDate).Value },
        ],
    };

    [Fact]
    public void An_undated_latest_perubahan_is_a_draft_and_the_signed_awal_stays_in_force()
    {
        var data = Year(perubahanDate: null);

        Assert.Equal(PkVersionId.Perubahan(1), PerjanjianKinerja.Draft(data)?.Id);
        Assert.Equal(PkVersionId.Awal, PerjanjianKinerja.InForce(data).Id);
        Assert.Equal(PkVersionId.Awal, PerjanjianKinerja.Find(data, null)?.Id);
        // the year is measured against the awal's 1.000, not the draft's 1.200
        Assert.Equal("1.000", data.TargetFor("IK-1", Period.OfYear(2025))?.Value.Original);
        // the draft itself still shows its own targets when asked for
        Assert.Equal("1.200", PerjanjianKinerja.TargetOf(data, "IK-1", Period.OfYear(2025), PkVersionId.Perubahan(1))?.Value.Original);
    }

    [Fact]
    public void Once_signed_the_perubahan_is_in_force_and_measures_the_year()
    {
        var data = Year(perubahanDate: "30 Juni 2025");

        Assert.Null(PerjanjianKinerja.Draft(data));
        Assert.Equal(PkVersionId.Perubahan(1), PerjanjianKinerja.InForce(data).Id);
        Assert.Equal("1.200", data.TargetFor("IK-1", Period.OfYear(2025))?.Value.Original);
    }

    [Fact]
    public void A_workbook_without_a_pk_sheet_or_with_a_lone_undated_perubahan_has_no_draft()
    {
        var implied = Year(perubahanDate: null) with { PkVersions = [] };
        Assert.Null(PerjanjianKinerja.Draft(implied));
        Assert.Equal("1.200", implied.TargetFor("IK-1", Period.OfYear(2025))?.Value.Original);

        var alone = Year(perubahanDate: null, declareAwal: false);
        Assert.Null(PerjanjianKinerja.Draft(alone));
        Assert.Equal(PkVersionId.Perubahan(1), PerjanjianKinerja.InForce(alone).Id);
    }
}
