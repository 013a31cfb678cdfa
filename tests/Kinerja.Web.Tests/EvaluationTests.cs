using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Tests;

/// <summary>A fresh app per provider for the evaluation tests: the demo instansi, its unit's operator, and an evaluator of another instansi.</summary>
public abstract class EvaluationFixture(string provider) : IAsyncLifetime
{
    public const string Password = "KataSandi2025";

    public bool Available { get; private set; }

    public KinerjaApp App { get; private set; } = null!;

    public Session Admin { get; private set; } = null!;

    public int DemoId { get; private set; }

    public async Task InitializeAsync()
    {
        Available = provider == "Sqlite" || KinerjaApp.PostgresAvailable();
        if (!Available)
            return;
        App = new KinerjaApp(provider);
        Admin = await Session.SetupAdmin(App);
        DemoId = App.WithDb(db => db.Agencies.Single(a => a.Name.StartsWith("Dinas Contoh")).Id);
        var kemnaker = App.WithDb(db => db.Agencies.Single(a => a.Name == "Kementerian Ketenagakerjaan").Id);
        await Admin.AddUser(DemoId, "op-dinas", Password, "Operator", "DINAS");
        await Admin.AddUser(DemoId, "op-bidang", Password, "Operator", "BIDANG");
        // the evaluator belongs to another instansi (an Inspektorat/APIP), with the new role
        await Admin.AddUser(kemnaker, "apip", Password, "Evaluator");
        await Admin.AddUser(kemnaker, "apip-lain", Password, "Evaluator");
    }

    public Task DisposeAsync()
    {
        if (Available)
            App.Dispose();
        return Task.CompletedTask;
    }

    public Task<Session> As(string user) => Session.SignIn(App, user, Password);
}

public sealed class SqliteEvaluationFixture() : EvaluationFixture("Sqlite");

public sealed class PostgresEvaluationFixture() : EvaluationFixture("Postgres");

public sealed class SqliteEvaluationTests(SqliteEvaluationFixture fixture) : EvaluationTests(fixture), IClassFixture<SqliteEvaluationFixture>;

public sealed class PostgresEvaluationTests(PostgresEvaluationFixture fixture) : EvaluationTests(fixture), IClassFixture<PostgresEvaluationFixture>;

/// <summary>Evaluasi AKIP rounds (issue 22): rights of the two sides, return with reasons, final lock, scores, proposals and follow-up.</summary>
public abstract class EvaluationTests(EvaluationFixture fixture)
{
    private const string Secret = "CATATAN-RAHASIA-EVALUATOR";

    private static readonly Worksheet Sheet = WorksheetReader.Default;

    private async Task<int> OpenRound(int year, string title, string? unit = "DINAS")
    {
        var response = await fixture.Admin.Api(HttpMethod.Post, $"/api/evaluasi/instansi/{fixture.DemoId}",
            new { Year = year, UnitCode = unit, Title = title, SubmitDue = new DateOnly(year + 1, 2, 15), ReviewDue = new DateOnly(year + 1, 3, 31), EvaluatorBody = "Inspektorat Daerah", Evaluators = new[] { "apip" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static string Max(Criterion c) => Sheet.ScaleOf(c).Options.MaxBy(o => o.Value)!.Code;

    private int AnswerVersion(int round, string code) => fixture.App.WithDb(db => db.EvaluationAnswers.Single(a => a.RoundId == round && a.CriterionCode == code).ConcurrencyVersion);

    private int ReviewVersion(int round, string code) => fixture.App.WithDb(db => db.EvaluationReviews.Single(a => a.RoundId == round && a.CriterionCode == code).ConcurrencyVersion);

    private int RoundVersion(int round) => fixture.App.WithDb(db => db.EvaluationRounds.Single(r => r.Id == round).ConcurrencyVersion);

    /// <summary>The unit answers every criterion with its highest answer through the API and submits.</summary>
    private async Task AnswerAllAndSubmit(Session unit, int round)
    {
        foreach (var c in Sheet.Criteria)
        {
            var r = await unit.Api(HttpMethod.Put, $"/api/evaluasi/{round}/usulan/{c.Code}", new { Answer = Max(c), Note = "", EvidenceLink = "", ConcurrencyVersion = AnswerVersion(round, c.Code) });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await unit.Api(HttpMethod.Post, $"/api/evaluasi/{round}/ajukan", new { ConcurrencyVersion = RoundVersion(round) })).StatusCode);
    }

    private async Task ReviewAll(Session evaluator, int round, Func<Criterion, string> answer)
    {
        foreach (var c in Sheet.Criteria)
        {
            var r = await evaluator.Api(HttpMethod.Put, $"/api/evaluasi/{round}/penetapan/{c.Code}", new { Answer = answer(c), Note = c.Code == "1.b.1" ? Secret : "", ConcurrencyVersion = ReviewVersion(round, c.Code) });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
    }

    [Fact]
    public async Task The_unit_never_reads_nor_sets_the_evaluators_values_on_page_form_or_api_and_a_final_round_is_locked()
    {
        if (!fixture.Available)
            return;
        var round = await OpenRound(2025, "Evaluasi AKIP Dinas 2025");
        var unit = await fixture.As("op-dinas");
        var evaluator = await fixture.As("apip");
        await AnswerAllAndSubmit(unit, round);
        // penetapan: everything at the top except 1.b.1 (A-E) at C = 0,5 -> 100 - 9 x 0,5 / 11 = 99,5909... -> 99,59, AA
        await ReviewAll(evaluator, round, c => c.Code == "1.b.1" ? "C" : Max(c));

        // API: the unit cannot set a penetapan, cannot see one
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.Api(HttpMethod.Put, $"/api/evaluasi/{round}/penetapan/1.a.1", new { Answer = "T", Note = "x", ConcurrencyVersion = ReviewVersion(round, "1.a.1") })).StatusCode);
        var json = await unit.Client.GetStringAsync($"/api/evaluasi/{round}");
        Assert.DoesNotContain(Secret, json);
        var view = JsonDocument.Parse(json).RootElement;
        Assert.All(view.GetProperty("criteria").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("penetapan").ValueKind));
        Assert.Equal(JsonValueKind.Null, view.GetProperty("result").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await unit.Client.GetFromJsonAsync<JsonElement>($"/api/evaluasi/{round}/nilai")).GetProperty("hasil").ValueKind);
        // page and form: no penetapan column, and the evaluator's handlers are refused
        var page = await unit.Client.GetStringAsync($"/evaluasi/{round}");
        Assert.DoesNotContain(Secret, page);
        Assert.DoesNotContain("Penetapan evaluator", page);
        var form = await unit.Post($"/evaluasi/{round}", $"/evaluasi/{round}?handler=Penetapan", [new("p[1.a.1]", "T"), new("pn[1.a.1]", "diubah unit")]);
        Assert.StartsWith("/ditolak", form.Headers.Location!.PathAndQuery);
        var finalForm = await unit.Post($"/evaluasi/{round}", $"/evaluasi/{round}?handler=Final", [new("roundVersion", RoundVersion(round).ToString(CultureInfo.InvariantCulture))]);
        Assert.StartsWith("/ditolak", finalForm.Headers.Location!.PathAndQuery);
        Assert.Equal("Y", fixture.App.WithDb(db => db.EvaluationReviews.Single(r => r.RoundId == round && r.CriterionCode == "1.a.1").Answer));
        // the evaluator sees both sides
        var evaluatorView = await evaluator.Client.GetFromJsonAsync<JsonElement>($"/api/evaluasi/{round}");
        Assert.Contains(Secret, evaluatorView.ToString());

        Assert.Equal(HttpStatusCode.OK, (await evaluator.Api(HttpMethod.Post, $"/api/evaluasi/{round}/final", new { ConcurrencyVersion = RoundVersion(round) })).StatusCode);
        // locked: neither side changes anything
        var late = await unit.Api(HttpMethod.Put, $"/api/evaluasi/{round}/usulan/1.a.1", new { Answer = "T", ConcurrencyVersion = AnswerVersion(round, "1.a.1") });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("final dan terkunci", await late.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await evaluator.Api(HttpMethod.Put, $"/api/evaluasi/{round}/penetapan/1.a.1", new { Answer = "T", ConcurrencyVersion = ReviewVersion(round, "1.a.1") })).StatusCode);
        // after final the unit sees the result (score and grade), still not the evaluator's notes
        var result = (await unit.Client.GetFromJsonAsync<JsonElement>($"/api/evaluasi/{round}/nilai")).GetProperty("hasil");
        Assert.Equal("99,59", result.GetProperty("totalText").GetString());
        Assert.Equal("AA", result.GetProperty("grade").GetString());
        Assert.Equal("Sangat Memuaskan", result.GetProperty("interpretation").GetString());
        Assert.DoesNotContain(Secret, await unit.Client.GetStringAsync($"/api/evaluasi/{round}"));
        var unitPage = await unit.Client.GetStringAsync($"/evaluasi/{round}");
        Assert.Contains("id=\"nilai-hasil\">99,59<", unitPage);
        Assert.DoesNotContain(Secret, unitPage);
        // the LHE is a Word document (zip) for both sides
        var lhe = await unit.Client.GetAsync($"/evaluasi/{round}/lhe?format=docx");
        Assert.Equal(HttpStatusCode.OK, lhe.StatusCode);
        var bytes = await lhe.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Fact]
    public async Task A_returned_answer_needs_a_reason_and_only_returned_answers_are_answered_again()
    {
        if (!fixture.Available)
            return;
        var round = await OpenRound(2024, "Evaluasi AKIP Dinas 2024");
        var unit = await fixture.As("op-dinas");
        var evaluator = await fixture.As("apip");
        // nothing can be submitted while criteria are unanswered
        var early = await unit.Api(HttpMethod.Post, $"/api/evaluasi/{round}/ajukan", new { ConcurrencyVersion = RoundVersion(round) });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains($"{Sheet.Criteria.Count()} kriteria belum dijawab", await early.Content.ReadAsStringAsync());
        await AnswerAllAndSubmit(unit, round);

        var noReason = await evaluator.Api(HttpMethod.Post, $"/api/evaluasi/{round}/kembalikan", new { ConcurrencyVersion = RoundVersion(round), Reasons = new Dictionary<string, string?> { ["2.a.1"] = " " } });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("alasan pengembalian wajib diisi untuk kriteria 2.a.1", await noReason.Content.ReadAsStringAsync());
        Assert.Equal("Diajukan", fixture.App.WithDb(db => db.EvaluationRounds.Single(r => r.Id == round).State.ToString()));

        Assert.Equal(HttpStatusCode.OK, (await evaluator.Api(HttpMethod.Post, $"/api/evaluasi/{round}/kembalikan", new { ConcurrencyVersion = RoundVersion(round), Reasons = new Dictionary<string, string?> { ["2.a.1"] = "pedoman belum ditetapkan pimpinan" } })).StatusCode);
        var page = await unit.Client.GetStringAsync($"/evaluasi/{round}");
        Assert.Contains("Dikembalikan: pedoman belum ditetapkan pimpinan", page);
        // only the returned criterion is open again
        var other = await unit.Api(HttpMethod.Put, $"/api/evaluasi/{round}/usulan/1.a.1", new { Answer = "T", ConcurrencyVersion = AnswerVersion(round, "1.a.1") });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await unit.Api(HttpMethod.Post, $"/api/evaluasi/{round}/ajukan", new { ConcurrencyVersion = RoundVersion(round) })).StatusCode);
        var again = await unit.Post($"/evaluasi/{round}", $"/evaluasi/{round}?handler=Usulan",
            [new("a[2.a.1]", "T"), new("n[2.a.1]", "pedoman masih rancangan"), new("e[2.a.1]", "https://contoh.go.id/pedoman.pdf"), new("v[2.a.1]", AnswerVersion(round, "2.a.1").ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await unit.Api(HttpMethod.Post, $"/api/evaluasi/{round}/ajukan", new { ConcurrencyVersion = RoundVersion(round) })).StatusCode);
        var answer = fixture.App.WithDb(db => db.EvaluationAnswers.Single(a => a.RoundId == round && a.CriterionCode == "2.a.1"));
        Assert.Equal(("T", false, "https://contoh.go.id/pedoman.pdf"), (answer.Answer, answer.Returned, answer.EvidenceLink));
        // the history keeps both values of the unit's answer
        var audit = fixture.App.WithDb(db => db.Audit.Where(a => a.Entity == nameof(EvaluationAnswer) && a.EntityKey == $"{round}|2.a.1").Count());
        Assert.True(audit >= 3);

        // finalising needs every penetapan
        var unfinished = await evaluator.Api(HttpMethod.Post, $"/api/evaluasi/{round}/final", new { ConcurrencyVersion = RoundVersion(round) });
        Assert.Equal(HttpStatusCode.BadRequest, unfinished.StatusCode);
        Assert.Contains($"{Sheet.Criteria.Count()} kriteria belum ditetapkan evaluator", await unfinished.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_the_assigned_evaluator_and_the_evaluated_unit_see_a_round()
    {
        if (!fixture.Available)
            return;
        var round = await OpenRound(2023, "Evaluasi AKIP Dinas 2023");
        foreach (var outsider in new[] { "apip-lain", "op-bidang" })
        {
            var s = await fixture.As(outsider);
            Assert.Equal(HttpStatusCode.Forbidden, (await s.Client.GetAsync($"/api/evaluasi/{round}")).StatusCode);
            Assert.StartsWith("/ditolak", (await s.Client.GetAsync($"/evaluasi/{round}")).Headers.Location!.PathAndQuery);
            var list = await s.Client.GetFromJsonAsync<JsonElement>("/api/evaluasi");
            Assert.DoesNotContain(list.EnumerateArray(), r => r.GetProperty("id").GetInt32() == round);
            Assert.Equal(HttpStatusCode.Forbidden, (await s.Api(HttpMethod.Put, $"/api/evaluasi/{round}/usulan/1.a.1", new { Answer = "Y", ConcurrencyVersion = AnswerVersion(round, "1.a.1") })).StatusCode);
        }

        var evaluator = await fixture.As("apip");
        var mine = await evaluator.Client.GetFromJsonAsync<JsonElement>("/api/evaluasi");
        Assert.Contains(mine.EnumerateArray(), r => r.GetProperty("id").GetInt32() == round && r.GetProperty("side").GetString() == "evaluator");
        // the evaluator does not answer for the unit
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.Api(HttpMethod.Put, $"/api/evaluasi/{round}/usulan/1.a.1", new { Answer = "Y", ConcurrencyVersion = AnswerVersion(round, "1.a.1") })).StatusCode);
        // a save from an old read is refused with 409
        var unit = await fixture.As("op-dinas");
        var v = AnswerVersion(round, "1.a.2");
        Assert.Equal(HttpStatusCode.OK, (await unit.Api(HttpMethod.Put, $"/api/evaluasi/{round}/usulan/1.a.2", new { Answer = "Y", ConcurrencyVersion = v })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await unit.Api(HttpMethod.Put, $"/api/evaluasi/{round}/usulan/1.a.2", new { Answer = "T", ConcurrencyVersion = v })).StatusCode);
    }

    [Fact]
    public async Task Proposals_come_from_the_records_and_accepting_them_is_shown()
    {
        if (!fixture.Available)
            return;
        var round = await OpenRound(2020, "Evaluasi AKIP Bidang 2020 (usulan)", "BIDANG");
        var proposed = fixture.App.WithDb(db => db.EvaluationAnswers.Where(a => a.RoundId == round && a.ProposedAnswer != null).ToList());
        // the demo has no 2020 workbook: nothing is proposed from records that do not exist
        Assert.Empty(proposed);

        var round25 = await OpenRound(2025, "Evaluasi AKIP Bidang 2025", "BIDANG");
        var rows = fixture.App.WithDb(db => db.EvaluationAnswers.Where(a => a.RoundId == round25 && a.ProposedAnswer != null).ToList());
        Assert.NotEmpty(rows);
        var year = fixture.App.WithDb(db => db.Years.Single(y => y.AgencyId == fixture.DemoId && y.Year == 2025).Id);
        var bidangIndicators = fixture.App.WithDb(db => db.Indicators.Count(i => i.ReportingYearId == year && i.UnitCode == "BIDANG"));
        var definisi = rows.Single(r => r.CriterionCode == "2.a.2");
        Assert.Contains($"dari {bidangIndicators} indikator punya formula/cara menghitung tertulis", definisi.ProposalReason);
        Assert.Contains("/rencana", definisi.ProposalLinks);
    }

    [Fact]
    public async Task Accepting_the_proposals_on_the_page_marks_the_answers_and_open_recommendations_carry_into_next_year()
    {
        if (!fixture.Available)
            return;
        var round = await OpenRound(2021, "Evaluasi AKIP Bidang 2021", "BIDANG");
        var unit = await fixture.As("op-bidang");
        var evaluator = await fixture.As("apip");
        // give two criteria a proposal as if the records had judged them, then accept on the page
        fixture.App.WithDb(db =>
        {
            foreach (var a in db.EvaluationAnswers.Where(a => a.RoundId == round && (a.CriterionCode == "1.a.1" || a.CriterionCode == "1.a.2")))
            {
                a.ProposedAnswer = "Y";
                a.ProposalReason = "uji";
            }

            return db.SaveChanges();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await unit.Post($"/evaluasi/{round}", $"/evaluasi/{round}?handler=TerimaUsulan", [])).StatusCode);
        // one proposal changed by the unit
        Assert.Equal(HttpStatusCode.OK, (await unit.Api(HttpMethod.Put, $"/api/evaluasi/{round}/usulan/1.a.2", new { Answer = "T", Note = "RPJPD belum ditetapkan", ConcurrencyVersion = AnswerVersion(round, "1.a.2") })).StatusCode);
        var marks = fixture.App.WithDb(db => db.EvaluationAnswers.Where(a => a.RoundId == round && (a.CriterionCode == "1.a.1" || a.CriterionCode == "1.a.2")).OrderBy(a => a.CriterionCode).Select(a => new { a.Answer, a.AcceptedAsProposed }).ToList());
        Assert.Equal(("Y", true), (marks[0].Answer, marks[0].AcceptedAsProposed));
        Assert.Equal(("T", false), (marks[1].Answer, marks[1].AcceptedAsProposed));
        Assert.Contains("(sesuai usulan sistem)", await unit.Client.GetStringAsync($"/evaluasi/{round}"));

        await AnswerAllAndSubmit(unit, round);
        await ReviewAll(evaluator, round, Max);
        foreach (var text in new[] { "Menjabarkan target triwulanan sampai level kegiatan", "Reviu berjenjang laporan kinerja" })
            Assert.Equal(HttpStatusCode.OK, (await evaluator.Api(HttpMethod.Post, $"/api/evaluasi/{round}/rekomendasi", new { Text = text, ComponentCode = "1", ResponsibleUnit = "BIDANG", DueDate = new DateOnly(2022, 6, 30) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.Api(HttpMethod.Post, $"/api/evaluasi/{round}/final", new { ConcurrencyVersion = RoundVersion(round) })).StatusCode);
        var recs = await unit.Client.GetFromJsonAsync<JsonElement>($"/api/evaluasi/{round}/rekomendasi");
        var first = recs[0];
        Assert.Equal(HttpStatusCode.OK, (await unit.Api(HttpMethod.Post, $"/api/evaluasi/rekomendasi/{first.GetProperty("id").GetInt32()}/tindak-lanjut",
            new { Text = "Target triwulan dijabarkan di Rencana Aksi", EvidenceLink = "/instansi/1/2022/rencana-aksi", Status = "Selesai", ConcurrencyVersion = first.GetProperty("concurrencyVersion").GetInt32() })).StatusCode);

        // next year's round carries the open one (not the finished one) and proposes 4.c.1 from the follow-up: 1 of 2 done -> C (0,5) on A-E
        var next = await OpenRound(2022, "Evaluasi AKIP Bidang 2022", "BIDANG");
        var carried = fixture.App.WithDb(db => db.EvaluationRecommendations.Where(r => r.RoundId == next).Select(r => r.Text).ToList());
        Assert.Equal(["Reviu berjenjang laporan kinerja"], carried);
        var proposal = fixture.App.WithDb(db => db.EvaluationAnswers.Single(a => a.RoundId == next && a.CriterionCode == "4.c.1"));
        Assert.Equal("C", proposal.ProposedAnswer);
        Assert.Contains("1 dari 2 rekomendasi", proposal.ProposalReason);
    }

    [Fact]
    public async Task The_LKjIP_prints_the_score_and_recommendations_of_the_final_round_of_the_year_before()
    {
        if (!fixture.Available)
            return;
        // the instansi's round for 2024, printed in the LKjIP 2025
        var round = await OpenRound(2024, "Evaluasi AKIP Instansi 2024", null);
        fixture.App.WithDb(db =>
        {
            // penetapan: everything at the top except 1.b.1 (A-E) at C = 0,5 -> 100 - 9 x 0,5 / 11 = 99,5909... -> 99,59, AA
            foreach (var review in db.EvaluationReviews.Where(r => r.RoundId == round).ToList())
                review.Answer = review.CriterionCode == "1.b.1" ? "C" : Max(Sheet.Criteria.Single(c => c.Code == review.CriterionCode));
            var r = db.EvaluationRounds.Single(x => x.Id == round);
            r.State = RoundState.Final;
            r.FinalisedAt = DateTimeOffset.UtcNow;
            var done = new EvaluationRecommendation { RoundId = round, AgencyId = fixture.DemoId, Number = 1, Text = "Menjabarkan target triwulanan sampai level kegiatan", ResponsibleUnitCode = "DINAS", Status = FollowUpStatus.Selesai };
            var open = new EvaluationRecommendation { RoundId = round, AgencyId = fixture.DemoId, Number = 2, Text = "Reviu berjenjang laporan kinerja", ResponsibleUnitCode = "DINAS", Status = FollowUpStatus.Belum };
            db.EvaluationRecommendations.AddRange(done, open);
            db.SaveChanges();
            db.EvaluationFollowUps.Add(new EvaluationFollowUpEntry { RecommendationId = done.Id, AgencyId = fixture.DemoId, Text = "Target triwulan dijabarkan di Rencana Aksi", By = "op-dinas", At = DateTimeOffset.UtcNow });
            return db.SaveChanges();
        });

        var docx = await fixture.Admin.Client.GetByteArrayAsync($"/instansi/{fixture.DemoId}/2025/dokumen/lkjip.docx");
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var tables = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .Select(t => (Caption: (t.PreviousSibling() as DocumentFormat.OpenXml.Wordprocessing.Paragraph)?.InnerText ?? "", Rows: t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList()))
            .ToList();
        var simpulan = tables.Single(t => t.Caption.Contains("Simpulan Hasil Evaluasi AKIP Tahun 2024", StringComparison.Ordinal)).Rows;
        Assert.Equal("99,59", simpulan.Single(r => r[1] == "Nilai Hasil Evaluasi")[3]);
        Assert.Equal("AA (Sangat Memuaskan)", simpulan.Single(r => r[1] == "Predikat")[3]);
        var recs = tables.Single(t => t.Caption.Contains("Rekomendasi dan Tindak Lanjut Hasil Evaluasi AKIP Tahun 2024", StringComparison.Ordinal)).Rows;
        Assert.Equal(["1", "Menjabarkan target triwulanan sampai level kegiatan", "Target triwulan dijabarkan di Rencana Aksi", "Selesai"], recs[1]);
        Assert.Equal(["2", "Reviu berjenjang laporan kinerja", "-", "Belum ditindaklanjuti"], recs[2]);
    }
}
