using Kinerja.Domain.Evaluation;
using Kinerja.Domain.Validation;

namespace Kinerja.Domain.Tests.Evaluation;

public class WorksheetTests
{
    private static string ShippedFile()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kinerja.sln")) && !Directory.Exists(Path.Combine(dir.FullName, "src", "Kinerja.Domain")))
            dir = dir.Parent;
        return Path.Combine(dir!.FullName, "src", "Kinerja.Domain", "Evaluation", "Worksheets", "permenpanrb-88-2021.json");
    }

    private static Worksheet ReadShipped()
    {
        var result = WorksheetReader.Read(File.ReadAllText(ShippedFile()));
        Assert.True(result.Success, result.Error);
        return result.Value;
    }

    [Fact]
    public void The_88_2021_file_weights_components_30_30_15_25_and_sums_to_100()
    {
        var sheet = ReadShipped();
        Assert.Equal(new[] { 30m, 30m, 15m, 25m }, sheet.Components.Select(c => c.Weight));
        Assert.Equal(100m, sheet.Components.Sum(c => c.Weight));
        Assert.Equal(["Perencanaan Kinerja", "Pengukuran Kinerja", "Pelaporan Kinerja", "Evaluasi Akuntabilitas Kinerja Internal"], sheet.Components.Select(c => c.Name));
    }

    [Fact]
    public void The_88_2021_sub_components_are_keberadaan_kualitas_pemanfaatan_with_the_regulation_weights()
    {
        var sheet = ReadShipped();
        var expected = new Dictionary<string, decimal[]>
        {
            ["1"] = [6m, 9m, 15m],
            ["2"] = [6m, 9m, 15m],
            ["3"] = [3m, 4.5m, 7.5m],
            ["4"] = [5m, 7.5m, 12.5m],
        };
        foreach (var component in sheet.Components)
        {
            Assert.Equal(expected[component.Code], component.SubComponents.Select(s => s.Weight));
            Assert.Equal(component.Weight, component.SubComponents.Sum(s => s.Weight));
            Assert.Equal(["keberadaan", "kualitas", "pemanfaatan"], component.SubComponents.Select(s => s.Kind));
            // 20/30/50 of the component (docs/rules.md §11)
            Assert.Equal(new[] { 0.2m, 0.3m, 0.5m }, component.SubComponents.Select(s => s.Weight / component.Weight));
        }
    }

    [Fact]
    public void Every_sub_component_criteria_at_full_marks_give_exactly_its_weight()
    {
        var sheet = ReadShipped();
        foreach (var sub in sheet.SubComponents)
        {
            var full = sub.Criteria.ToDictionary(c => c.Code, c => (string?)sheet.ScaleOf(c).Options.MaxBy(o => o.Value)!.Code);
            var score = EvaluationScore.Of(sheet, full);
            Assert.Equal(sub.Weight, score.Components.SelectMany(c => c.SubComponents).Single(s => s.SubComponent.Code == sub.Code).Score);
            Assert.NotEmpty(sub.Criteria);
        }

        var all = sheet.Criteria.ToDictionary(c => c.Code, c => (string?)sheet.ScaleOf(c).Options.MaxBy(o => o.Value)!.Code);
        Assert.Equal(100m, EvaluationScore.Of(sheet, all).Total);
        Assert.Equal(80, sheet.Criteria.Count());
        Assert.Equal([6, 11, 8, 3, 7, 10, 6, 9, 7, 3, 5, 5], sheet.SubComponents.Select(s => s.Criteria.Count));
    }

    [Fact]
    public void The_shipped_resource_is_the_repository_file_and_the_default()
    {
        var file = ReadShipped();
        Assert.Equal(file.Key, WorksheetReader.Default.Key);
        Assert.Equal(File.ReadAllText(ShippedFile()), WorksheetReader.ShippedText(file.Key));
    }

    [Fact]
    public void A_worksheet_whose_weights_do_not_add_up_is_refused_naming_the_place()
    {
        var text = File.ReadAllText(ShippedFile()).Replace("\"bobot\": 4.5", "\"bobot\": 4");
        var result = WorksheetReader.Read(text);
        Assert.False(result.Success);
        Assert.Contains("komponen 3 (Pelaporan Kinerja): bobot sub-komponen berjumlah 14,5, seharusnya 15", result.Error);
        Assert.Contains("bobot komponen berjumlah", WorksheetReader.Read(File.ReadAllText(ShippedFile()).Replace("\"bobot\": 25", "\"bobot\": 20")).Error);
    }

    [Fact]
    public void A_later_worksheet_is_a_new_file_read_without_code_change()
    {
        var text = File.ReadAllText(ShippedFile()).Replace("\"versi\": \"88/2021-r1\"", "\"versi\": \"2026-uji\"");
        var later = WorksheetReader.Read(text).Value;
        Assert.Equal("permenpanrb-88-2021@2026-uji", later.Key);
        Assert.NotEqual(WorksheetReader.Default.Key, later.Key);
    }
}

public class EvaluationScoringTests
{
    private static readonly Worksheet Sheet = WorksheetReader.Default;

    [Theory]
    [InlineData(100, "AA")]
    [InlineData(90.01, "AA")]
    [InlineData(90, "A")]
    [InlineData(80.01, "A")]
    [InlineData(80, "BB")]
    [InlineData(70.01, "BB")]
    [InlineData(70, "B")]
    [InlineData(60.01, "B")]
    [InlineData(60, "CC")]
    [InlineData(50.01, "CC")]
    [InlineData(50, "C")]
    [InlineData(30.01, "C")]
    [InlineData(30, "D")]
    [InlineData(0, "D")]
    public void Grade_bands_are_strictly_above_their_bound(double score, string grade) =>
        Assert.Equal(grade, Sheet.Grade((decimal)score).Grade);

    [Theory]
    [InlineData("AA", "Sangat Memuaskan")]
    [InlineData("A", "Memuaskan")]
    [InlineData("BB", "Sangat Baik")]
    [InlineData("B", "Baik")]
    [InlineData("CC", "Cukup")]
    [InlineData("C", "Kurang")]
    [InlineData("D", "Sangat Kurang")]
    public void Every_grade_has_its_interpretation(string grade, string words) =>
        Assert.Equal(words, Sheet.Grades.Single(g => g.Grade == grade).Interpretation);

    [Fact]
    public void The_total_is_rounded_once_and_graded_on_the_rounded_figure()
    {
        // 80,004 shows as 80,00 and is BB (not above 80); 80,005 shows as 80,01 and is A
        var low = EvaluationScore.FromComponents(Sheet, new Dictionary<string, decimal> { ["1"] = 30m, ["2"] = 30m, ["3"] = 15m, ["4"] = 5.004m });
        Assert.Equal("80,00", low.Display);
        Assert.Equal("BB", low.Grade.Grade);
        var high = EvaluationScore.FromComponents(Sheet, new Dictionary<string, decimal> { ["1"] = 30m, ["2"] = 30m, ["3"] = 15m, ["4"] = 5.005m });
        Assert.Equal("80,01", high.Display);
        Assert.Equal("A", high.Grade.Grade);
    }

    [Fact]
    public void Banjar_2025_component_scores_give_80_32_grade_A_and_the_printed_80_33_is_a_mismatch()
    {
        // seed 003 Tabel 3.9: Perencanaan 25,03, Pengukuran 23,65, Pelaporan 12,01, Evaluasi Internal 19,63; printed NILAI 80.33, PREDIKAT A
        var score = EvaluationScore.FromComponents(Sheet, new Dictionary<string, decimal> { ["1"] = 25.03m, ["2"] = 23.65m, ["3"] = 12.01m, ["4"] = 19.63m });
        Assert.Equal(25.03m + 23.65m + 12.01m + 19.63m, score.Total);
        Assert.Equal("80,32", score.Display);
        Assert.Equal("A", score.Grade.Grade);
        Assert.Equal("Memuaskan", score.Grade.Interpretation);
        var finding = score.CheckPrinted("80.33", "Tabel 3.9");
        Assert.NotNull(finding);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(PrintedFigureCheck.Rule, finding.Rule);
        Assert.Contains("seharusnya 80,32 (25,03 + 23,65 + 12,01 + 19,63)", finding.Message);
        Assert.Null(score.CheckPrinted("80,32"));
    }

    [Fact]
    public void Answers_score_criterion_to_sub_component_to_component_exactly()
    {
        // 1.b has 11 criteria on A-E: ten A (1) and one B (0,75) -> 9 x 10,75 / 11; everything else unanswered
        var answers = Sheet.SubComponents.Single(s => s.Code == "1.b").Criteria.Select((c, i) => (c.Code, Answer: i == 0 ? "B" : "A")).ToDictionary(x => x.Code, x => (string?)x.Answer);
        answers["1.a.1"] = "Y";
        answers["1.a.2"] = "T";
        answers["1.a.3"] = "X"; // not on the scale: counts 0
        var score = EvaluationScore.Of(Sheet, answers);
        var perencanaan = score.Components[0];
        Assert.Equal(9m * 10.75m / 11m, perencanaan.SubComponents[1].Score);
        Assert.Equal(6m * 1m / 6m, perencanaan.SubComponents[0].Score);
        Assert.Equal(2, perencanaan.SubComponents[0].Answered);
        Assert.Equal(1m + 9m * 10.75m / 11m, perencanaan.Score);
        Assert.Equal("9,80", score.Display); // 1 + 8,7954...
        Assert.Equal("D", score.Grade.Grade);
    }
}

public class EvaluationWorkflowTests
{
    [Fact]
    public void A_round_moves_through_submit_return_and_final_only_when_its_conditions_hold()
    {
        Assert.Throws<EvaluationRuleException>(() => EvaluationWorkflow.Submit(RoundState.Pengisian, ["1.a.1"], []));
        Assert.Equal(RoundState.Diajukan, EvaluationWorkflow.Submit(RoundState.Pengisian, [], []));
        var noReason = Assert.Throws<EvaluationRuleException>(() => EvaluationWorkflow.Return(RoundState.Diajukan, new Dictionary<string, string?> { ["2.a.1"] = "" }));
        Assert.Contains("alasan pengembalian wajib diisi untuk kriteria 2.a.1", noReason.Message);
        Assert.Equal(RoundState.Dikembalikan, EvaluationWorkflow.Return(RoundState.Diajukan, new Dictionary<string, string?> { ["2.a.1"] = "pedoman belum ditetapkan" }));
        Assert.Throws<EvaluationRuleException>(() => EvaluationWorkflow.EnsureUnitMayAnswer(RoundState.Dikembalikan, answerReturned: false, "1.a.1"));
        EvaluationWorkflow.EnsureUnitMayAnswer(RoundState.Dikembalikan, answerReturned: true, "2.a.1");
        Assert.Throws<EvaluationRuleException>(() => EvaluationWorkflow.Submit(RoundState.Dikembalikan, [], ["2.a.1"]));
        Assert.Throws<EvaluationRuleException>(() => EvaluationWorkflow.Finalise(RoundState.Diajukan, ["4.c.5"]));
        Assert.Equal(RoundState.Final, EvaluationWorkflow.Finalise(RoundState.Diajukan, []));
        Assert.Throws<EvaluationRuleException>(() => EvaluationWorkflow.EnsureUnitMayAnswer(RoundState.Final, true, "1.a.1"));
        Assert.Throws<EvaluationRuleException>(() => EvaluationWorkflow.EnsureEvaluatorMayReview(RoundState.Final));
        Assert.Throws<EvaluationRuleException>(() => EvaluationWorkflow.EnsureEvaluatorMayReview(RoundState.Pengisian));
    }
}

public class PrefillMappingTests
{
    private static readonly Worksheet Sheet = WorksheetReader.Default;

    [Theory]
    [InlineData("A-E", 1.0, "A")]
    [InlineData("A-E", 0.8, "B")]
    [InlineData("A-E", 0.75, "B")]
    [InlineData("A-E", 0.5, "C")]
    [InlineData("A-E", 0.3, "D")]
    [InlineData("A-E", 0.2, "E")]
    [InlineData("Y/T", 1.0, "Y")]
    [InlineData("Y/T", 0.99, "T")]
    public void A_share_met_becomes_the_highest_answer_not_above_it(string scale, double share, string answer) =>
        Assert.Equal(answer, PrefillMapping.AnswerFor(Sheet.Scales.Single(s => s.Code == scale), (decimal)share));

    [Fact]
    public void The_shipped_rules_name_criteria_of_the_worksheet_and_each_criterion_once()
    {
        var rules = PrefillMapping.For(Sheet);
        Assert.True(rules.Count >= 15);
        Assert.All(rules, r => Assert.NotNull(Sheet.FindCriterion(r.CriterionCode)));
        Assert.Equal(rules.Count, rules.Select(r => r.CriterionCode).Distinct().Count());
        Assert.Equal("01-31", rules.Single(r => r.CriterionCode == "1.b.2").Parameters["batas"]);
        Assert.Throws<InvalidOperationException>(() => PrefillMapping.Parse("{\"aturan\":[{\"kriteria\":\"9.z.9\",\"aturan\":\"pk\"}]}", Sheet));
    }
}
