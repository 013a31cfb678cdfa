using System.Net;
using System.Text.RegularExpressions;
using Kinerja.Documents.Workbook;

namespace Kinerja.Web.Tests;

/// <summary>Figures as Indonesians write them, on every main page of every sample year (issue 19, item 11).</summary>
public abstract partial class WebAppTests
{
    // the workflow's enum names and their English glosses: a page says Draf, Diajukan, Diverifikasi, Disahkan, Dikembalikan
    private static readonly Regex EnglishStatus = new(@"\b(Draft|Submitted|Verified|Approved|Returned|Pending)\b", RegexOptions.Compiled);

    // "2.76%", "12.5 %": a decimal point in a percentage (a thousands dot has three digits after it: "1.762%")
    private static readonly Regex PointPercent = new(@"\b\d+\.\d{1,2}\s?%", RegexOptions.Compiled);

    // "1762 Orang": four or more digits without the thousands dot, followed by what they count on the same line
    private static readonly Regex UngroupedCount = new(@"(?<![\d.,])\d{4,}[ \u00A0]+(Orang|orang|Dokumen|dokumen|Kegiatan|kegiatan)\b", RegexOptions.Compiled);

    [Fact]
    public async Task Main_pages_of_every_sample_year_write_figures_and_status_words_the_Indonesian_way()
    {
        if (!fixture.Available)
            return;
        var years = fixture.App.WithDb(db => db.Years.Select(y => new { y.AgencyId, y.Year, y.Id }).ToList());
        Assert.True(years.Count >= 4, "the samples are loaded");
        var scanned = 0;
        foreach (var y in years)
        {
            var b = $"/instansi/{y.AgencyId}/{y.Year}";
            var pages = new List<string> { $"{b}/dasbor", $"{b}/target", $"{b}/pk", $"{b}/realisasi", $"{b}/realisasi?periode={y.Year}" };
            pages.AddRange(Enumerable.Range(1, 4).Select(q => $"{b}/realisasi?periode={y.Year}-TW{q}"));
            // every realisasi entry page that holds a value (current version)
            var records = fixture.App.WithDb(db => db.Realisasi.Where(r => r.ReportingYearId == y.Id && r.IsCurrent).Select(r => new { r.IndicatorCode, r.Period }).ToList());
            // (the periods of the year: a year's data also holds earlier years' realisasi for the trend, not entered here)
            pages.AddRange(records.Where(r => r.Period.StartsWith(y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
                .Select(r => $"{b}/realisasi/{Uri.EscapeDataString(r.IndicatorCode)}/{r.Period}"));
            foreach (var url in pages)
            {
                var response = await fixture.Admin.Client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
                var text = VisibleText(await response.Content.ReadAsStringAsync());
                Assert.False(EnglishStatus.IsMatch(text), $"{url} shows an English status word: \"{EnglishStatus.Match(text).Value}\"");
                Assert.False(PointPercent.IsMatch(text), $"{url} writes a percentage with a decimal point: \"{PointPercent.Match(text).Value}\"");
                Assert.False(UngroupedCount.IsMatch(text), $"{url} writes a count without its thousands dot: \"{UngroupedCount.Match(text).Value}\"");
                scanned++;
            }
        }

        Assert.True(scanned > 50, $"{scanned} pages scanned");
    }

    [Fact]
    public async Task Banjar_realisasi_list_shows_the_sample_figures_as_the_report_prints_them()
    {
        if (!fixture.Available)
            return;
        // the sample workbook holds realisasi "2.76%" (TPT, written with a point) and "1762 Orang"; the published
        // report prints 2,76% and 1.762: the page must show what the report shows, with the satuan as a word
        var raw = XlsxWorkbook.Read(Samples.PathOf("banjar-2025.xlsx"));
        var data = DatasetImporter.Import(raw);
        var tpt = data.Realisasi.First(r => r.Value?.Original == "2.76%");
        var count = data.Realisasi.First(r => r.Value?.Original == "1762 Orang");
        var agencyId = fixture.App.WithDb(db => db.Agencies.Single(a => a.Name == data.Profile.Agency).Id);
        var expectedTpt = Kinerja.Domain.Values.IndonesianNumber.Format(2.76m, 2) + "%";
        var expectedCount = Kinerja.Domain.Values.IndonesianNumber.FormatWhole(1762) + "\u00A0" + data.Indicators.Single(i => i.Code == count.IndicatorCode).Satuan.ToLowerInvariant();
        Assert.Equal("2,76%", expectedTpt);
        Assert.Equal("1.762\u00A0orang", expectedCount);

        foreach (var (r, expected) in new[] { (tpt, expectedTpt), (count, expectedCount) })
        {
            var list = VisibleText(await fixture.Admin.Client.GetStringAsync($"/instansi/{agencyId}/{data.Profile.Year}/realisasi?periode={r.Period}"));
            Assert.Contains(expected, list);
            var entry = VisibleText(await fixture.Admin.Client.GetStringAsync($"/instansi/{agencyId}/{data.Profile.Year}/realisasi/{Uri.EscapeDataString(r.IndicatorCode)}/{r.Period}"));
            Assert.Contains(expected, entry);
            Assert.DoesNotContain(r.Value!.Original, entry);
        }
    }

    [Fact]
    public async Task Unit_ranking_uses_the_agencys_own_aggregation_rule_and_names_units()
    {
        if (!fixture.Available)
            return;
        // Kemnaker 2024 weights nothing, so the rule is the plain mean of each unit's measured capaian; the dashboard's
        // own per-indicator capaian (API) gives the inputs, and the ranking must reproduce their mean per unit
        var year = fixture.App.WithDb(db => db.Years.Where(y => y.Year == 2024).Select(y => new { y.AgencyId, y.Year }).First());
        var capaian = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(fixture.Admin.Client, $"/api/instansi/{year.AgencyId}/{year.Year}/capaian");
        var units = fixture.App.WithDb(db => db.Units.Where(u => u.AgencyId == year.AgencyId).ToDictionary(u => u.Code, u => u.Name));
        var means = capaian.GetProperty("indicators").EnumerateArray()
            .Where(i => i.GetProperty("capaian").ValueKind == System.Text.Json.JsonValueKind.Number)
            .GroupBy(i => i.GetProperty("unit").GetString()!)
            .Select(g => (Unit: units.GetValueOrDefault(g.Key) ?? g.Key, Mean: g.Average(i => i.GetProperty("capaian").GetDecimal())))
            .OrderByDescending(x => x.Mean).ToList();
        var page = await fixture.Admin.Client.GetStringAsync($"/instansi/{year.AgencyId}/{year.Year}/dasbor");
        if (means.Count < 2)
        {
            Assert.DoesNotContain("peringkat-unit", page);
            return;
        }

        var rows = Regex.Matches(page.Split("id=\"peringkat-unit\"")[1].Split("</table>")[0], @"<tr><td>\d+</td><td>(?<unit>[^<]*)</td><td class=""num"">(?<mean>[^<]*)</td>")
            .Select(m => (Unit: WebUtility.HtmlDecode(m.Groups["unit"].Value), Mean: m.Groups["mean"].Value)).ToList();
        Assert.Equal(means.Select(m => m.Unit), rows.Select(r => r.Unit));
        foreach (var (mean, row) in means.Zip(rows))
        {
            // the page rounds as the agency rounds; the figure must be the mean at the decimals it shows
            var shown = row.Mean.TrimEnd('%');
            var decimals = shown.Contains(',') ? shown.Length - shown.IndexOf(',') - 1 : 0;
            var parsed = Kinerja.Domain.Values.IndonesianNumber.Parse(shown);
            Assert.True(parsed.Success, row.Mean);
            Assert.True(Math.Abs(parsed.Value - mean.Mean) <= (decimal)Math.Pow(10, -decimals), $"{row.Unit}: page {row.Mean}, mean {mean.Mean}");
        }
    }

    /// <summary>The text a person reads: tags, scripts, styles and attribute values left out, entities decoded.</summary>
    private static string VisibleText(string html)
    {
        var body = Regex.Replace(html, @"<(script|style)\b.*?</\1>", " ", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        body = Regex.Replace(body, @"<svg\b.*?</svg>", m => string.Join(' ', Regex.Matches(m.Value, @">([^<]+)<").Select(x => x.Groups[1].Value)), RegexOptions.Singleline);
        // a tag ends a run of text: "<td>2025</td><td>Unit</td>" is two texts, not "2025 Unit"
        body = Regex.Replace(body, "<[^>]+>", "\n");
        return WebUtility.HtmlDecode(body);
    }
}
