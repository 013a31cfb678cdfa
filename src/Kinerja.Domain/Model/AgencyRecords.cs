namespace Kinerja.Domain.Model;

/// <summary>An award the agency received (sheet Penghargaan), printed in Bab III as the report states it.</summary>
public sealed record Award(int? Year, string Name, string? Giver, string? Level, string? Note);

/// <summary>An innovation of the agency (sheet Inovasi): its name, what it does, the unit that runs it.</summary>
public sealed record Innovation(string Name, string? Description, string? UnitCode, int? Year);

/// <summary>
/// A recommendation of the last evaluation (LHE AKIP, the inspectorate's review) and what the agency did about it
/// (sheet TindakLanjut, seed 003 Tabel 3.8 "Rekomendasi dan Tindak Lanjut LHE AKIP").
/// </summary>
public sealed record EvaluationFollowUp(string? Source, string Recommendation, string? Action, string? Status);

/// <summary>
/// A row of the problem table of Bab I (sheet Permasalahan), as seed 003 Tabel I prints it: masalah pokok, masalah and
/// akar masalah. A row with an empty cell continues the one above (a merged cell of the printed table).
/// </summary>
public sealed record ProblemRow(string? Number, string? MainProblem, string? Problem, string? RootCause);

/// <summary>
/// A row of the strategic-issue table of Bab I (sheet IsuStrategis), in the columns of the Renstra Perangkat Daerah
/// (Permendagri Nomor 86 Tahun 2017): potensi daerah, permasalahan, isu KLHS, isu lingkungan dinamis global, nasional
/// and regional, and the isu strategis that follows from them. Any column may be empty; a row continues the one above.
/// </summary>
public sealed record StrategicIssueRow(string? Potential, string? Problem, string? Klhs, string? Global, string? National, string? Regional, string? Issue);
