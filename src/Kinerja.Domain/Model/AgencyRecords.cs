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
