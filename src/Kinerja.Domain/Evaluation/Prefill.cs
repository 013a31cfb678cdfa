using System.Text.Json;

namespace Kinerja.Domain.Evaluation;

/// <summary>A link to a record behind a proposal (a page of the application).</summary>
public sealed record ProposalLink(string Label, string Url);

/// <summary>What Kinerja proposes for a criterion, and why. A proposal is a proposal: the person decides.</summary>
public sealed record Proposal(string Answer, string Reason, IReadOnlyList<ProposalLink> Links);

/// <summary>A rule of the mapping file: which rule judges which criterion, with its parameters.</summary>
public sealed record PrefillRule(string CriterionCode, string RuleId, string Why, IReadOnlyDictionary<string, string> Parameters);

/// <summary>
/// What one rule found: the part met (0..1) and the sentence that says so with its counts, or null when the
/// records cannot say (then nothing is proposed).
/// </summary>
public sealed record RuleFinding(decimal Share, string Reason, IReadOnlyList<ProposalLink> Links);

/// <summary>
/// The mapping criteria -> rules, read from the data file beside the worksheet (e.g. permenpanrb-88-2021.aturan.json).
/// The rules themselves are judged by the web layer from the records; this class turns a finding into the answer
/// on the criterion's own scale: the option with the highest value not above the share met (so Y/T gives Y only
/// when everything is met, and A-E gives B for 80%).
/// </summary>
public static class PrefillMapping
{
    public static IReadOnlyList<PrefillRule> For(Worksheet sheet)
    {
        var text = WorksheetReader.ResourceText(sheet.Id + ".aturan.json");
        return text is null ? [] : Parse(text, sheet);
    }

    public static IReadOnlyList<PrefillRule> Parse(string json, Worksheet sheet)
    {
        using var document = JsonDocument.Parse(json);
        var rules = new List<PrefillRule>();
        foreach (var e in document.RootElement.GetProperty("aturan").EnumerateArray())
        {
            var code = e.GetProperty("kriteria").GetString()!;
            if (sheet.FindCriterion(code) is null)
                throw new InvalidOperationException($"aturan usulan menyebut kriteria {code} yang tidak ada di lembar kerja {sheet.Key}");
            var parameters = e.EnumerateObject().Where(p => p.Name is not ("kriteria" or "aturan" or "alasan") && p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            rules.Add(new PrefillRule(code, e.GetProperty("aturan").GetString()!, e.TryGetProperty("alasan", out var why) ? why.GetString() ?? "" : "", parameters));
        }

        return rules;
    }

    /// <summary>The answer on the criterion's scale for a share met.</summary>
    public static string AnswerFor(AnswerScale scale, decimal share) =>
        scale.Options.Where(o => o.Value <= share).MaxBy(o => o.Value)?.Code ?? scale.Options.MinBy(o => o.Value)!.Code;

    public static Proposal Propose(Worksheet sheet, PrefillRule rule, RuleFinding finding)
    {
        var criterion = sheet.FindCriterion(rule.CriterionCode)!;
        var share = Math.Clamp(finding.Share, 0m, 1m);
        return new Proposal(AnswerFor(sheet.ScaleOf(criterion), share), $"Diperiksa: {rule.Why}. Hasil: {finding.Reason}", finding.Links);
    }
}
