using System.Globalization;
using Kinerja.Data;
using Kinerja.Domain.Evaluation;
using Kinerja.Domain.Values;
using Kinerja.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>
/// Judges the pre-fill rules (permenpanrb-88-2021.aturan.json) from what Kinerja holds for the evaluated year:
/// Renstra and PK targets, the signed PK, Rencana Aksi, quarterly realisasi and its verification, capaian,
/// last year's realisasi, publication, and last year's recommendations. For a unit's round only the unit's
/// indicators count. Each finding names its counts and links to the pages behind them.
/// </summary>
public sealed class EvaluationPrefill(KinerjaDbContext db, DatasetCache cache, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<string, Proposal>> ProposeAsync(EvaluationRound round, Worksheet sheet)
    {
        var rules = PrefillMapping.For(sheet);
        var result = new Dictionary<string, Proposal>(StringComparer.Ordinal);
        if (rules.Count == 0)
            return result;
        var facts = await FactsAsync(round);
        foreach (var rule in rules)
        {
            if (Judge(rule, facts) is { } finding)
                result[rule.CriterionCode] = PrefillMapping.Propose(sheet, rule, finding);
        }

        return result;
    }

    private sealed record Facts(
        EvaluationRound Round,
        ReportingYear? Year,
        Kinerja.Domain.Model.PerformanceDataset? Data,
        IReadOnlyList<string> Indicators,
        IReadOnlyList<RealisasiRecord> Records,
        IReadOnlySet<string> WithRencanaAksi,
        bool HasLastYear,
        IReadOnlySet<string> LastYearRealised,
        (int Total, int Done)? LastRecommendations,
        DateOnly Today);

    private async Task<Facts> FactsAsync(EvaluationRound round)
    {
        var year = await db.Years.AsNoTracking().SingleOrDefaultAsync(y => y.AgencyId == round.AgencyId && y.Year == round.Year);
        var data = year is null ? null : await cache.GetAsync(db, year.Id, RealisasiView.Latest);
        var infos = year is null ? [] : await db.Indicators.AsNoTracking().Where(i => i.ReportingYearId == year.Id).ToListAsync();
        var indicators = infos.Where(i => round.UnitCode is null || i.UnitCode == round.UnitCode).Select(i => i.Code).ToList();
        var records = year is null ? [] : await db.Realisasi.AsNoTracking().Where(r => r.ReportingYearId == year.Id && r.IsCurrent).ToListAsync();
        var rencanaAksi = year is null ? [] : await db.RencanaAksi.AsNoTracking().Where(r => r.ReportingYearId == year.Id).Select(r => r.IndicatorCode).Distinct().ToListAsync();
        var last = await db.Years.AsNoTracking().SingleOrDefaultAsync(y => y.AgencyId == round.AgencyId && y.Year == round.Year - 1);
        var lastRealised = last is null ? [] : await db.Realisasi.AsNoTracking().Where(r => r.ReportingYearId == last.Id && r.IsCurrent && r.Value != null).Select(r => r.IndicatorCode).Distinct().ToListAsync();
        var previousRound = await db.EvaluationRounds.AsNoTracking().Where(r => r.AgencyId == round.AgencyId && r.UnitCode == round.UnitCode && r.Year < round.Year).OrderByDescending(r => r.Year).FirstOrDefaultAsync();
        (int, int)? recs = null;
        if (previousRound is not null)
        {
            var statuses = await db.EvaluationRecommendations.AsNoTracking().Where(r => r.RoundId == previousRound.Id).Select(r => r.Status).ToListAsync();
            if (statuses.Count > 0)
                recs = (statuses.Count, statuses.Count(s => s == FollowUpStatus.Selesai));
        }

        return new Facts(round, year, data, indicators, records, rencanaAksi.ToHashSet(StringComparer.Ordinal), last is not null, lastRealised.ToHashSet(StringComparer.Ordinal), recs, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    private static RuleFinding? Judge(PrefillRule rule, Facts f)
    {
        if (rule.RuleId == "tindak-lanjut")
        {
            // last year's recommendations are the evaluation's own records: judged even when the year's workbook is missing
            return f.LastRecommendations is { } r
                ? new RuleFinding((decimal)r.Done / r.Total, $"{r.Done} dari {r.Total} rekomendasi evaluasi tahun lalu selesai ditindaklanjuti.", [new ProposalLink("Evaluasi", "/evaluasi")])
                : null;
        }

        if (f.Year is null || f.Data is null)
            return null;
        var baseUrl = $"/instansi/{f.Round.AgencyId}/{f.Round.Year}";
        var n = f.Indicators.Count;
        RuleFinding? Share(int met, int of, string what, string page, string label)
        {
            if (of == 0)
                return null;
            return new RuleFinding((decimal)met / of, $"{met} dari {of} {what}.", [new ProposalLink(label, $"{baseUrl}/{page}")]);
        }

        var set = f.Indicators.ToHashSet(StringComparer.Ordinal);
        switch (rule.RuleId)
        {
            case "renstra":
                return Share(f.Indicators.Count(i => f.Data.TargetsOf(i).Any(t => t.Period.IsRenstraEnd || string.Equals(t.Document, "Renstra", StringComparison.OrdinalIgnoreCase))), n, "indikator punya target Renstra", "target", "Target per dokumen");
            case "pk":
            {
                var signed = f.Data.PkVersions.Where(v => v.SignedOn is not null).ToList();
                return new RuleFinding(signed.Count > 0 ? 1m : 0m,
                    signed.Count > 0 ? $"PK {signed[0].Id} ditandatangani {signed[0].SignedOn}." : "belum ada versi PK yang ditandatangani.",
                    [new ProposalLink("Perjanjian Kinerja", $"{baseUrl}/pk")]);
            }

            case "pk-tepat-waktu":
            {
                var first = f.Data.PkVersions.Where(v => v.SignedOn is not null).OrderBy(v => v.Id).FirstOrDefault();
                var parts = (rule.Parameters.GetValueOrDefault("batas") ?? "01-31").Split('-');
                var due = new DateOnly(f.Round.Year, int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
                if (first?.SignedOn is not { } on)
                    return new RuleFinding(0m, "belum ada versi PK yang ditandatangani.", [new ProposalLink("Perjanjian Kinerja", $"{baseUrl}/pk")]);
                var signedDate = new DateOnly(on.Year, on.Month, on.Day ?? DateTime.DaysInMonth(on.Year, on.Month));
                return new RuleFinding(signedDate <= due ? 1m : 0m,
                    $"PK {first.Id} ditandatangani {on}; batas {due.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID"))}{(on.Day is null ? " (tanggal tanpa hari dihitung akhir bulan)" : "")}.",
                    [new ProposalLink("Perjanjian Kinerja", $"{baseUrl}/pk")]);
            }

            case "rencana-aksi":
                return Share(f.Indicators.Count(f.WithRencanaAksi.Contains), n, "indikator punya Rencana Aksi", "rencana-aksi", "Rencana Aksi");
            case "anggaran":
            {
                var has = f.Data.PkVersions.Any(v => v.Budget.Count > 0) || f.Data.Budget.Count > 0;
                return new RuleFinding(has ? 1m : 0m, has ? "anggaran PK atau pagu tercatat." : "belum ada anggaran yang tercatat.", [new ProposalLink("Perjanjian Kinerja", $"{baseUrl}/pk")]);
            }

            case "target-triwulan":
                return Share(f.Indicators.Count(i => Enumerable.Range(1, 4).All(q => f.Data.TargetsOf(i).Any(t => t.Period.IsQuarter && t.Period.Quarter == q && t.Period.Year == f.Round.Year))), n, "indikator punya target keempat triwulan", "target", "Target per dokumen");
            case "definisi-operasional":
                return Share(f.Data.Indicators.Count(i => set.Contains(i.Code) && !string.IsNullOrWhiteSpace(i.FormulaText)), n, "indikator punya formula/cara menghitung tertulis", "rencana", "Rencana dan indikator");
            case "realisasi-berkala":
            {
                var ended = EndedQuarters(f);
                if (ended.Count == 0)
                    return null;
                var cells = f.Indicators.SelectMany(i => ended.Select(q => (i, q))).ToList();
                var filled = cells.Count(c => f.Records.Any(r => r.IndicatorCode == c.i && r.Period == Period.OfQuarter(f.Round.Year, c.q).ToString() && r.Value != null));
                return Share(filled, cells.Count, $"realisasi indikator-triwulan terisi (triwulan yang sudah berakhir: {string.Join(", ", ended.Select(q => "TW" + q))})", "realisasi", "Realisasi");
            }

            case "realisasi-terverifikasi":
            {
                var quarterly = f.Records.Where(r => set.Contains(r.IndicatorCode) && r.Period.Contains("-TW", StringComparison.Ordinal) && r.Value != null).ToList();
                return Share(quarterly.Count(r => r.Status is EntryStatus.Diverifikasi or EntryStatus.Disahkan), quarterly.Count, "realisasi triwulan sudah diverifikasi atau disahkan", "realisasi", "Realisasi");
            }

            case "aplikasi":
            {
                var any = f.Records.Any(r => set.Contains(r.IndicatorCode));
                return new RuleFinding(any ? 1m : 0m, any ? "realisasi dicatat dan capaian dihitung di Kinerja." : "belum ada realisasi yang dicatat di Kinerja.", [new ProposalLink("Realisasi", $"{baseUrl}/realisasi")]);
            }

            case "capaian-target":
            {
                var period = Dashboard.PeriodFor(f.Data, f.Round.Year, null);
                var rows = ComputedResults.Of(f.Data, period).Indicators.Where(r => set.Contains(r.Indicator.Code) && r.Capaian.HasValue).ToList();
                return rows.Count == 0 ? null : new RuleFinding((decimal)rows.Count(r => r.Capaian!.Value >= 100m) / rows.Count,
                    $"{rows.Count(r => r.Capaian!.Value >= 100m)} dari {rows.Count} indikator mencapai 100% atau lebih pada {period}.", [new ProposalLink("Dasbor capaian", $"{baseUrl}/dasbor?periode={period}")]);
            }

            case "lkjip":
                return Share(f.Indicators.Count(i => f.Records.Any(r => r.IndicatorCode == i && r.Period == f.Round.Year.ToString(CultureInfo.InvariantCulture) && r.Value != null) || f.Data.Realisasi.Any(r => r.IndicatorCode == i && r.Period.IsYear && r.Value is not null)), n, "indikator punya realisasi tahunan untuk LKjIP", "dokumen", "Dokumen (LKjIP)");
            case "publikasi":
                return new RuleFinding(f.Year.Published ? 1m : 0m, f.Year.Published ? "dokumen tahun ini sudah dipublikasikan." : "dokumen tahun ini belum dipublikasikan.", [new ProposalLink("Halaman publik", "/publik")]);
            case "tahun-lalu":
                if (!f.HasLastYear)
                    return new RuleFinding(0m, $"data tahun {f.Round.Year - 1} tidak ada di Kinerja.", []);
                return Share(f.Indicators.Count(f.LastYearRealised.Contains), n, $"indikator punya realisasi tahun {f.Round.Year - 1}", "realisasi", "Realisasi");
            default:
                return null;
        }
    }

    // the quarters of the evaluated year that have ended by today (all four once the year is over)
    private static List<int> EndedQuarters(Facts f)
    {
        var list = new List<int>();
        for (var q = 1; q <= 4; q++)
        {
            var end = new DateOnly(f.Round.Year, q * 3, 1).AddMonths(1).AddDays(-1);
            if (end < f.Today)
                list.Add(q);
        }

        return list;
    }
}
