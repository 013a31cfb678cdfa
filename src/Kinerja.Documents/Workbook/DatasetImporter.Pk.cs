using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Workbook;

/// <summary>Sheets PK (the versions of the Perjanjian Kinerja and who signed them) and AnggaranPK (their budgets).</summary>
public sealed partial class DatasetImporter
{
    private static readonly Dictionary<string, bool> NegativeStyles = Map(("Minus", false), ("Kurung", true));

    private List<PkVersion> ReadPkVersions(HashSet<string> planCodes, HashSet<string> indicatorCodes)
    {
        var versions = new List<PkVersion>();
        var rowsOf = new Dictionary<PkVersionId, RawRow>();
        foreach (var row in Rows("pkVersions"))
        {
            var id = VersionId(row, "version");
            var first = Party(row, "first");
            var second = Party(row, "second");
            var oneParty = Text(row, "oneParty") is null ? null : Choice<bool>(row, "oneParty", YesNo, null);
            var date = Date(row, "date");
            if (id is not { } versionId)
                continue;
            if (rowsOf.TryGetValue(versionId, out var earlier))
            {
                Error(Where(row, "version"), $"versi PK \"{versionId.Code}\" diisi lebih dari sekali; pertama di {RowName(earlier)}");
                continue;
            }

            rowsOf[versionId] = row;
            versions.Add(new PkVersion { Id = versionId, SignedOn = date, Place = Text(row, "place"), FirstParty = first, SecondParty = second, OnePartyEntered = oneParty, SourceRow = row.Row });
        }

        // perubahan numbers follow one another: a perubahan-2 without perubahan-1 is a typing slip
        foreach (var version in versions.Where(v => v.Id.Kind == PkVersionKind.Perubahan && v.Id.Number > 1))
        {
            if (!rowsOf.ContainsKey(PkVersionId.Perubahan(version.Id.Number - 1)))
                Error(Where(rowsOf[version.Id], "version"), $"versi {version.Id.Code} tanpa versi perubahan-{version.Id.Number - 1}");
        }

        var lines = new List<PkBudgetLine>();
        foreach (var row in Rows("pkBudget"))
        {
            var id = VersionId(row, "version");
            var code = Required(row, "code");
            var name = Required(row, "name");
            var pagu = Amount(row, "pagu");
            if (Text(row, "pagu") is null)
                Error(Where(row, "pagu"), "wajib diisi");
            var funds = (Text(row, "goals") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var goal in funds.Where(g => !planCodes.Contains(g) && !indicatorCodes.Contains(g)))
                Error(Where(row, "goals"), $"kode \"{goal}\" tidak ada di sheet Rencana maupun Indikator");
            if (id is { } versionId && rows(versionId) is false)
                Error(Where(row, "version"), $"versi PK \"{versionId.Code}\" tidak ada di sheet PK");
            if (id is null || code is null || name is null || pagu is null)
                continue;
            lines.Add(new PkBudgetLine { Version = id.Value, Code = code, Name = name, ParentCode = Text(row, "parent"), Level = Text(row, "level"), Pagu = pagu.Value, Funds = funds, Pengampu = Text(row, "pengampu"), SourceRow = row.Row });
        }

        foreach (var group in lines.GroupBy(l => (l.Version, l.Code)).Where(g => g.Count() > 1))
            Error(Where(Rows("pkBudget").First(r => r.Row == group.Skip(1).First().SourceRow), "code"), $"kode \"{group.Key.Code}\" diisi lebih dari sekali untuk versi {group.Key.Version.Code}");

        // a budget without a PK sheet row still belongs to a version: the awal needs no row of its own
        foreach (var id in lines.Select(l => l.Version).Distinct().Where(id => !rowsOf.ContainsKey(id) && id == PkVersionId.Awal))
            versions.Add(new PkVersion { Id = id });
        return versions.OrderBy(v => v.Id).Select(v => v with { Budget = lines.Where(l => l.Version == v.Id).ToList() }).ToList();

        bool rows(PkVersionId id) => rowsOf.ContainsKey(id) || id == PkVersionId.Awal;
    }

    private string RowName(RawRow row) => _raw.IsJson ? $"{row.SheetName}[{row.Row - 1}]" : $"baris {row.Row}";

    private PkVersionId? VersionId(RawRow row, string column)
    {
        var text = Required(row, column);
        if (text is null)
            return null;
        var parsed = PkVersionId.Parse(text);
        if (parsed.Success)
            return parsed.Value;
        Error(Where(row, column), parsed.Error!);
        return null;
    }

    private SigningDate? Date(RawRow row, string column)
    {
        var text = Text(row, column);
        if (text is null)
            return null;
        var parsed = SigningDate.Parse(text);
        if (parsed.Success)
            return parsed.Value;
        Error(Where(row, column), parsed.Error!);
        return null;
    }

    /// <summary>One party of a PK row from its columns firstPosition, firstName, ... (or second...); null when none is filled.</summary>
    private Official? Party(RawRow row, string prefix)
    {
        var position = Text(row, prefix + "Position");
        var name = Text(row, prefix + "Name");
        var nip = Nip(row, prefix + "Nip");
        var rank = Text(row, prefix + "Rank");
        var acting = Choice(row, prefix + "Acting", Actings, ActingStatus.Definitive) ?? ActingStatus.Definitive;
        var political = Text(row, prefix + "Political") is null ? null : Choice<bool>(row, prefix + "Political", YesNo, null);
        if (position is null && name is null && nip is null && rank is null)
            return null;
        if (position is null)
            Error(Where(row, prefix + "Position"), "wajib diisi bila nama pejabat diisi");
        return new Official(position ?? "", name ?? "", nip, rank, acting) { PoliticalOfficeEntered = political };
    }
}
