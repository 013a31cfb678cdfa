using Kinerja.Domain.Budget;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Reports;

/// <summary>
/// The annual Laporan Kinerja (LKjIP for a Pemda, LKj for a K/L) in the structure of the seed
/// reports. Every figure comes from the engine; narrative text from the dataset's Narasi sheet;
/// missing data shows a placeholder sentence, never an invented number.
/// </summary>
public static partial class LkjipReport
{
    public static ReportDocument Build(ReportRequest request)
    {
        var data = request.Data;
        var profile = data.Profile;
        var period = (request.Period ?? profile.ReportPeriod).YearPeriod;
        var result = PerformanceCalculator.Compute(data, period);
        var f = new ReportFormat(profile);
        var year = ReportFormat.Number(period.Year);
        var isPemda = profile.Kind == AgencyKind.Pemda;
        var shortName = isPemda ? "LKjIP" : "LKj";
        var title = isPemda ? "Laporan Kinerja Instansi Pemerintah" : "Laporan Kinerja";
        var doc = new ReportDocument { Title = $"{title} {profile.Agency} Tahun {year}", Agency = profile.Agency, Profile = profile, Draft = request.Draft };
        var c = new ReportComposer(doc) { Fields = text => Domain.Narratives.NarrativeFields.Expand(text, data, result) };

        c.Add(new CoverBlock([title.ToUpperInvariant(), $"({shortName})", "TAHUN " + year], ReportFacts.CoverAgencyLines(profile), ReportFormat.Number(period.Year + 1)));

        ReviewStatement(c, data, period, year, title);
        Foreword(c, data, result, f, title, year);
        ExecutiveSummary(c, data, result, f, year);

        c.Heading(1, "DAFTAR ISI", startsPage: true);
        c.Add(new TableOfContentsBlock());
        c.Heading(1, "DAFTAR TABEL", startsPage: true);
        c.Add(new CaptionListBlock(Figures: false));
        c.Heading(1, "DAFTAR GAMBAR", startsPage: true);
        c.Add(new CaptionListBlock(Figures: true));

        c.Chapter = "1";
        var sistematika = ChapterOne(c, data, f, shortName, year);
        c.Chapter = "2";
        ChapterTwo(c, data, f, period, year);
        c.Chapter = "3";
        ChapterThree(c, data, result, f, period, year);
        c.Chapter = "4";
        ChapterFour(c, data, result, f, year);

        c.Chapter = "";
        c.Heading(1, "LAMPIRAN: PERJANJIAN KINERJA TAHUN " + year, startsPage: true);
        c.Chapter = "L";
        // every version signed in the year, as seed 000 attaches its four (awal and three perubahan)
        var draft = PerjanjianKinerja.Draft(data);
        var versions = PerjanjianKinerja.Versions(data).Where(v => v.Id != draft?.Id).ToList();
        var annexTables = doc.Tables.Count();
        for (var i = 0; i < versions.Count; i++)
        {
            if (i > 0)
                c.Add(new PageBreakBlock());
            PerjanjianKinerjaReport.AppendAgreement(c, data, period, versions[i], asAnnex: true);
        }

        c.Part("Lampiran: Perjanjian Kinerja yang ditandatangani", versions.Count > 0 && doc.Tables.Count() > annexTables, "isi sheet PK dengan tanggal dan penandatangan, serta target tahun ini");
        IkuMatrix(c, data, f, period, year);
        PerformanceTree(c, data, year);
        LateChanges(c, request.LateChanges, year);

        // the Sistematika is written last, from the chapters and sections left after empty ones are removed
        doc.RemoveEmptySections();
        var at = doc.Blocks.IndexOf(sistematika);
        if (at >= 0)
            doc.Blocks[at] = Sistematika(doc);
        RequireParts(c);
        return doc;
    }

    /// <summary>
    /// The values changed after their period closed, each with the day and the reason it was reopened: a reader of a closed
    /// year's report learns which figures moved after closing (issue 21). Absent when there are none.
    /// </summary>
    private static void LateChanges(ReportComposer c, IReadOnlyList<Domain.Cycle.LateChange> changes, string year)
    {
        if (changes.Count == 0)
            return;
        c.Chapter = "";
        c.Heading(1, "LAMPIRAN: NILAI YANG DIUBAH SETELAH PERIODE DITUTUP", startsPage: true);
        c.Chapter = "L";
        c.Paragraph($"Nilai berikut diubah setelah periode pelaporannya ditutup (diubah setelah periode ditutup), melalui pembukaan kembali periode oleh administrator instansi. Laporan Kinerja Tahun {year} ini memuat nilai sesudah perubahan tersebut.");
        var rows = changes.Select((x, i) => new ReportRow([ReportFormat.Number(i + 1), x.Indicator, x.Period, x.Unit, Domain.Cycle.ReminderPlan.DateText(x.ChangedOn), x.What, x.Reason])).ToList();
        c.Table("Nilai yang Diubah setelah Periode Ditutup", [new("No", 5, CellAlign.Center), new("Indikator", 12), new("Periode", 11), new("Unit", 10), new("Tanggal Perubahan", 14), new("Perubahan", 22), new("Alasan Pembukaan", 26)], rows);
    }

    private static void Foreword(ReportComposer c, PerformanceDataset data, PerformanceResult result, ReportFormat f, string title, string year)
    {
        c.Heading(1, "KATA PENGANTAR", startsPage: true);
        // the agency's own foreword replaces the standard one; the signature stays
        if (AgencyParagraphs(c, data, "KataPengantar"))
        {
            ForewordSignature(c, data, year);
            return;
        }

        c.Paragraph($"Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat-Nya {title} {data.Profile.Agency} Tahun {year} dapat diselesaikan. Laporan ini disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas dan fungsi serta pencapaian sasaran yang telah ditetapkan dalam Perjanjian Kinerja Tahun {year}, sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun 2014.");
        if (result.AgencyCapaian is { } agency)
            c.Paragraph($"{Capitalise(AgencyFigureLabel(data.Profile))} tahun {year} adalah {f.PercentText(agency)}; {ReachedSentence(result)}. Rincian capaian setiap sasaran dan indikator disajikan pada Bab III.");
        c.Paragraph("Kami menyadari laporan ini masih memiliki kekurangan. Saran dan masukan sangat kami harapkan untuk perbaikan pada masa yang akan datang. Semoga laporan ini bermanfaat bagi semua pihak.");
        ForewordSignature(c, data, year);
    }

    private static void ForewordSignature(ReportComposer c, PerformanceDataset data, string year)
    {
        var period = Period.OfYear(int.Parse(year, System.Globalization.CultureInfo.InvariantCulture));
        if (data.Profile.SigningDate is { } signed && !AfterPeriod(signed, period))
            c.Missing($"Laporan bertanggal {signed}, sebelum tahun {year} berakhir; laporan tahunan ditandatangani paling cepat Januari {ReportFormat.Number(period.Year + 1)} (Profil, Tanggal Penandatanganan).", required: true);
        c.Add(new SignatureBlock(
            ReportFacts.PlaceAndDateLine(c, data.Profile.SigningPlace, data.Profile.SigningDate, int.Parse(year, System.Globalization.CultureInfo.InvariantCulture) + 1, "laporan"),
            [ReportFacts.Signatory(c, ReportFacts.TopUnit(data), "", "pimpinan instansi")]));
    }

    /// <summary>
    /// "3 indikator mencapai target dan 1 indikator belum": an agency figure is a mean, which no category scale
    /// defines, so the sentence states the counts instead of a verdict.
    /// </summary>
    private static string ReachedSentence(PerformanceResult result)
    {
        var measured = result.Indicators.Where(r => r.Capaian.HasValue).ToList();
        var reached = measured.Count(r => r.Capaian.Value >= 100m);
        return $"{ReportFormat.Number(reached)} dari {ReportFormat.Number(measured.Count)} indikator yang dapat diukur mencapai target dan {ReportFormat.Number(measured.Count - reached)} belum mencapai target";
    }

    private static BulletListBlock ChapterOne(ReportComposer c, PerformanceDataset data, ReportFormat f, string shortName, string year)
    {
        c.Heading(1, "BAB I PENDAHULUAN", startsPage: true);
        c.Heading(2, "A. Latar Belakang");
        if (!AgencyParagraphs(c, data, "LatarBelakang"))
            c.Paragraph($"Setiap instansi pemerintah wajib menyusun laporan kinerja sebagai bentuk pertanggungjawaban atas pencapaian tujuan dan sasaran strategis (Peraturan Presiden Nomor 29 Tahun 2014). {shortName} Tahun {year} menyajikan capaian kinerja {data.Profile.Agency} terhadap target dalam Perjanjian Kinerja Tahun {year}.");
        if (AgencyTexts(data, "Maksud").Count + AgencyTexts(data, "Tujuan").Count > 0)
        {
            c.Heading(2, "B. Maksud dan Tujuan");
            AgencyList(c, data, "Maksud", "Maksud laporan:");
            AgencyList(c, data, "Tujuan", "Tujuan laporan:");
        }

        if (AgencyTexts(data, "DasarHukum").Count > 0)
        {
            c.Heading(2, "C. Dasar Hukum");
            AgencyList(c, data, "DasarHukum", $"Pelaksanaan tugas {data.Profile.Agency} berlandaskan pada:");
        }

        c.Heading(2, "D. Struktur Organisasi dan Pejabat");
        c.Part("Bab I: penjelasan umum organisasi (struktur organisasi dan pejabat)", data.Units.Count > 0, "isi sheet Unit");
        OrganisationChart(c, data);
        if (data.Units.Count == 0)
        {
            c.Placeholder("Struktur organisasi belum diisi pada workbook (sheet Unit).");
        }
        else
        {
            var rows = data.Units.Select((u, i) => new ReportRow([
                ReportFormat.Number(i + 1), u.Name, string.IsNullOrEmpty(u.Level) ? "-" : u.Level, u.Head?.Position ?? "-",
                string.IsNullOrWhiteSpace(u.Head?.Name) ? "-" : u.Head!.Name, u.Head is null ? "-" : ReportFacts.ActingLabel(u.Head.Acting),
            ])).ToList();
            var table = c.Table("Unit Organisasi dan Pejabat", [new("No", 5, CellAlign.Center), new("Unit", 30), new("Eselon", 10, CellAlign.Center), new("Jabatan", 28), new("Nama Pejabat", 16), new("Status", 11, CellAlign.Center)], rows);
            c.Paragraph($"Susunan organisasi disajikan pada {table.Label}.");
        }

        c.Heading(2, DutiesHeading(data));
        PositionAndAuthority(c, data);
        DutiesAndFunctions(c, data);
        c.Heading(2, "F. Sumber Daya Manusia");
        StaffTables(c, data, f);
        var issues = IssuesAndProblems(c, data);
        c.Part("Bab I: aspek strategis dan permasalahan utama (isu strategis)", issues, "isi Narasi jenis Permasalahan atau IsuStrategis, atau sheet Permasalahan / IsuStrategis");

        c.Heading(2, "H. Sistematika Penyajian");
        c.Paragraph($"Sistematika penyajian {shortName} ini adalah sebagai berikut:");
        // replaced when the document is complete (Build), by the chapters and sections actually printed
        var placeholder = new BulletListBlock(["Sistematika"]);
        c.Add(placeholder);
        return placeholder;
    }

    /// <summary>
    /// Tugas and Fungsi narratives: those of the top unit (or of no known unit) describe the agency;
    /// those of other units follow as "unit: tugas" items.
    /// </summary>
    private static void DutiesAndFunctions(ReportComposer c, PerformanceDataset data)
    {
        var top = ReportFacts.TopUnit(data);
        var units = data.Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        bool IsAgencyLevel(Narrative n) => n.GoalCode == top?.Code || !units.ContainsKey(n.GoalCode);
        var entries = data.Narratives.Where(n => IsKind(n, "Tugas") || IsKind(n, "Fungsi")).ToList();
        var duties = entries.Where(n => IsAgencyLevel(n) && IsKind(n, "Tugas")).Select(n => n.Text).ToList();
        var functions = entries.Where(n => IsAgencyLevel(n) && IsKind(n, "Fungsi")).Select(n => n.Text).ToList();
        if (duties.Count == 0 && functions.Count == 0)
        {
            c.Placeholder("Uraian tugas pokok dan fungsi belum diisi pada data (sheet Narasi, jenis Tugas dan Fungsi, kolom Sasaran berisi kode unit).");
        }
        else
        {
            if (duties.Count == 0)
                c.Placeholder("Uraian tugas belum diisi (sheet Narasi, jenis Tugas).");
            foreach (var duty in duties)
                c.Paragraph(duty, ParagraphKind.Narrative);
            if (functions.Count == 0)
            {
                c.Placeholder("Uraian fungsi belum diisi (sheet Narasi, jenis Fungsi).");
            }
            else
            {
                c.Paragraph($"Dalam melaksanakan tugas tersebut, {data.Profile.Agency} menyelenggarakan fungsi:");
                c.Add(new BulletListBlock(functions));
            }
        }

        var unitEntries = data.Units
            .Where(u => u.Code != top?.Code)
            .SelectMany(u => entries.Where(n => n.GoalCode == u.Code).Select(n => $"{u.Name}: {(IsKind(n, "Fungsi") ? "fungsi " : "")}{n.Text}"))
            .ToList();
        if (unitEntries.Count > 0)
        {
            var hasFunctions = entries.Any(n => IsKind(n, "Fungsi") && !IsAgencyLevel(n));
            c.Paragraph(hasFunctions ? "Tugas dan fungsi unit kerja:" : "Tugas unit kerja:", ParagraphKind.Label);
            c.Add(new BulletListBlock(unitEntries));
        }
    }

    private static bool IsKind(Narrative n, string kind) => string.Equals(n.Kind, kind, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// One table per unit and dimension (Golongan, Pendidikan, ...): its categories as entered and a Jumlah row
    /// that is their sum. A category entered as "Jumlah"/"Total" is not a part: it is compared with the sum,
    /// and a difference is shown, never silently corrected.
    /// </summary>
    private static void StaffTables(ReportComposer c, PerformanceDataset data, ReportFormat f)
    {
        if (data.Staff.Count == 0)
        {
            c.Placeholder("Data jumlah pegawai menurut golongan dan pendidikan belum tersedia pada workbook (sheet Pegawai), sehingga tabel kepegawaian tidak disajikan.");
            return;
        }

        var top = ReportFacts.TopUnit(data);
        var labels = new List<string>();
        foreach (var group in data.Staff.Where(s => s.Sex is null).GroupBy(s => (s.UnitCode, Dimension: s.Dimension.Trim().ToUpperInvariant())))
        {
            var first = group.First();
            var dimension = DimensionLabel(first.Dimension);
            var parts = group.Where(s => !IsTotalCategory(s.Category)).ToList();
            var entered = group.Where(s => IsTotalCategory(s.Category)).Select(s => (int?)s.Count).FirstOrDefault();
            var sum = parts.Count > 0 ? parts.Sum(s => (long)s.Count) : entered ?? 0;
            var rows = parts.Select((s, i) => new ReportRow([ReportFormat.Number(i + 1), s.Category, f.Amount(s.Count)])).ToList();
            rows.Add(new ReportRow(["", "Jumlah", f.Amount(sum)], RowKind.Total));
            var unit = first.UnitCode is { } code && code != top?.Code ? data.Units.FirstOrDefault(u => u.Code == code)?.Name ?? code : null;
            var table = c.Table($"Jumlah Pegawai menurut {dimension}{(unit is null ? "" : " pada " + unit)}", [new("No", 8, CellAlign.Center), new(dimension, 62), new("Jumlah (Orang)", 30, CellAlign.Right)], rows);
            labels.Add(table.Label);
            if (parts.Count > 0 && entered is { } total && total != sum)
                c.Placeholder($"Jumlah pegawai menurut {dimension} yang diisi ({ReportFormat.AmountText(total)} orang) berbeda dengan jumlah rinciannya ({ReportFormat.AmountText(sum)} orang); tabel menampilkan jumlah rincian. Periksa sheet Pegawai.");
        }

        StaffBySexTables(c, data, f, labels);
        if (labels.Count > 0)
            c.Paragraph($"Komposisi pegawai {data.Profile.Agency} disajikan pada {(labels.Count == 1 ? labels[0] : string.Join(", ", labels.Take(labels.Count - 1)) + " dan " + labels[^1])}.");
    }

    private static bool IsTotalCategory(string category) =>
        category.Trim() is var c && (c.Equals("Jumlah", StringComparison.OrdinalIgnoreCase) || c.Equals("Total", StringComparison.OrdinalIgnoreCase)
                                     || c.StartsWith("Jumlah ", StringComparison.OrdinalIgnoreCase) || c.StartsWith("Total ", StringComparison.OrdinalIgnoreCase));

    /// <summary>"JenisKelamin" reads "Jenis Kelamin" in a caption.</summary>
    private static string DimensionLabel(string dimension) =>
        string.Concat(dimension.Trim().Select((ch, i) => i > 0 && char.IsUpper(ch) && char.IsLower(dimension.Trim()[i - 1]) ? " " + ch : ch.ToString()));

    private static void ChapterTwo(ReportComposer c, PerformanceDataset data, ReportFormat f, Period period, string year)
    {
        c.Heading(1, "BAB II PERENCANAAN KINERJA", startsPage: true);
        c.Heading(2, "A. Rencana Strategis");
        var renstra = data.Profile.RenstraStart is { } s && data.Profile.RenstraEnd is { } e ? $" {ReportFormat.Number(s)}-{ReportFormat.Number(e)}" : "";
        // the end-of-Renstra target column only when the workbook holds one: a column of dashes says nothing
        var endTargets = data.Indicators.Any(i => data.TargetFor(i.Code, Period.RenstraEnd) is not null);
        c.Paragraph(endTargets
            ? $"Rencana Strategis{renstra} menetapkan tujuan dan sasaran berikut beserta indikator dan target akhir periodenya."
            : $"Rencana Strategis{renstra} menetapkan tujuan dan sasaran berikut beserta indikatornya.");
        var rows = new List<ReportRow>();
        foreach (var node in data.Plan.Where(p => p.Level is not (PlanLevel.Program or PlanLevel.Kegiatan or PlanLevel.SubKegiatan)))
        {
            var indicators = data.IndicatorsMeasuring(node.Code).ToList();
            if (indicators.Count == 0)
                continue;
            rows.Add(new ReportRow(endTargets ? [node.Code, $"{ReportFacts.LevelName(node.Level)}: {node.Name}", "", ""] : [node.Code, $"{ReportFacts.LevelName(node.Level)}: {node.Name}", ""], RowKind.Group));
            foreach (var indicator in indicators)
            {
                var end = data.TargetFor(indicator.Code, Period.RenstraEnd)?.Value;
                rows.Add(new ReportRow(endTargets
                    ? [indicator.Code, indicator.Name, ReportFormat.Satuan(indicator), f.Value(end, indicator.Satuan)]
                    : [indicator.Code, indicator.Name, ReportFormat.Satuan(indicator)]));
            }
        }

        if (rows.Count == 0)
            c.Placeholder("Tujuan dan sasaran belum diisi pada workbook (sheet Rencana).");
        else
            c.Table("Tujuan, Sasaran dan Indikator Kinerja Rencana Strategis", endTargets
                ? [new("Kode", 11), new("Tujuan / Sasaran / Indikator", 61), new("Satuan", 12, CellAlign.Center), new("Target Akhir Renstra", 18, CellAlign.Right)]
                : [new("Kode", 11), new("Tujuan / Sasaran / Indikator", 75), new("Satuan", 14, CellAlign.Center)], rows);
        RenstraProgramTable(c, data, f);

        c.Heading(2, "B. Perjanjian Kinerja Tahun " + year);
        c.Paragraph($"Perjanjian Kinerja Tahun {year} memuat sasaran, indikator, target dan anggaran yang disepakati pimpinan:");
        var inForce = PerjanjianKinerja.InForce(data);
        var pkTable = PkDetailTable(c, data, f, period, inForce, year) ?? PerjanjianKinerjaReport.AnnexTable(c, data, f, period, inForce);
        c.Part("Bab II: Perjanjian Kinerja tahun ini (sasaran, indikator, target)", pkTable is not null, "isi sheet Rencana, Indikator dan Target");
        PerjanjianKinerjaReport.BudgetByVersion(c, data, f, year);
        ProgramAllocation(c, data, f, year);
    }

    private static void ChapterThree(ReportComposer c, PerformanceDataset data, PerformanceResult result, ReportFormat f, Period period, string year)
    {
        var profile = data.Profile;
        c.Heading(1, "BAB III AKUNTABILITAS KINERJA", startsPage: true);
        c.Heading(2, "A. Kerangka Pengukuran");
        var lower = profile.LowerIsBetterMethod == LowerIsBetterMethod.A
            ? "(2 x target - realisasi) / target x 100%"
            : "target / realisasi x 100%";
        c.Paragraph($"Capaian indikator dihitung dengan rumus realisasi / target x 100% untuk indikator yang semakin tinggi semakin baik, dan {lower} untuk indikator yang semakin rendah semakin baik. Capaian sasaran adalah rata-rata capaian indikatornya; indikator yang belum dapat diukur (N/A) tidak dihitung.{(profile.CapaianCap is { } cap ? $" Capaian indikator dibatasi paling tinggi {IndonesianNumber.Format(cap, 0)}%." : "")}");
        var bands = profile.PredicateScale.Bands;
        var bandRows = bands.Select((b, i) => new ReportRow([ReportFormat.Number(i + 1), BandRange(bands, i), b.Label])).ToList();
        c.Table("Skala Nilai Peringkat Kinerja", [new("No", 8, CellAlign.Center), new("Rentang Capaian", 46, CellAlign.Center), new("Kategori", 46, CellAlign.Center)], bandRows);

        c.Heading(2, "B. Capaian Kinerja Tahun " + year);
        var capaianTable = CapaianTable(c, data, result, f, year);
        c.Part("Bab III: capaian kinerja (target, realisasi dan capaian setiap indikator)", result.Indicators.Any(r => r.Capaian.HasValue), "isi sheet Target dan Realisasi tahun ini");
        c.Paragraph($"{capaianTable.Label} menyajikan capaian setiap indikator. {(result.AgencyCapaian is { } a ? $"{Capitalise(AgencyFigureLabel(profile))} adalah {f.PercentText(a)}." : "")}");
        var measuredGoals = result.Goals.Where(g => g.Capaian is not null).ToList();
        var goalBars = measuredGoals.Select(g => (Charts.BarLabel(g.Goal.Code, g.Goal.Name, measuredGoals.Count), g.Capaian!.Value)).ToList();
        if (goalBars.Count > 0)
            c.Figure($"Capaian Kinerja per Sasaran Tahun {year}", Charts.Bars($"Capaian per sasaran {year}", goalBars, profile.Decimals, profile.Rounding), Charts.Width, Charts.BarChartHeight(goalBars.Count));

        c.Heading(2, "C. Perbandingan dengan Tahun Sebelumnya");
        var mark = c.Mark;
        Trend(c, data, f, period);
        c.Part("Bab III: perbandingan realisasi dengan tahun-tahun sebelumnya", c.PrintedSince(mark), "isi realisasi tahun-tahun sebelumnya pada sheet Realisasi");

        c.Heading(2, "D. Perbandingan dengan Target Akhir Renstra");
        c.Part("Bab III: perbandingan dengan target jangka menengah (target akhir Renstra)", ProgressCalculator.Renstra(data, period).Count > 0, "isi target periode Renstra pada sheet Target");
        var progress = ProgressCalculator.Renstra(data, period);
        if (progress.Count == 0)
        {
            c.Placeholder("Target akhir periode Renstra belum diisi pada workbook (sheet Target, periode Renstra).");
        }
        else
        {
            var rows = progress.Select(p => new ReportRow([p.Indicator.Code, p.Indicator.Name, f.Value(p.RenstraTarget, p.Indicator.Satuan), f.Realisasi(p.Realisasi, p.Indicator.Satuan), f.Progress(p.Progress)])).ToList();
            c.Table($"Realisasi {year} terhadap Target Akhir Renstra", [new("Kode", 11), new("Indikator", 47), new("Target Akhir Renstra", 15, CellAlign.Right), new($"Realisasi {year}", 14, CellAlign.Right), new("Tingkat Kemajuan", 15, CellAlign.Right)], rows);
        }

        c.Heading(2, profile.Kind == AgencyKind.KL ? "E. Perbandingan dengan Capaian Nasional" : "E. Perbandingan dengan Capaian Provinsi dan Nasional");
        mark = c.Mark;
        Benchmarks(c, data, f, period, year);
        c.Part(profile.Kind == AgencyKind.KL ? "Bab III: perbandingan dengan capaian nasional (bila datanya ada)" : "Bab III: perbandingan dengan capaian provinsi dan nasional (bila datanya ada)",
            c.PrintedSince(mark), "isi sheet Pembanding", required: false);

        c.Heading(2, "F. Analisis Capaian per Sasaran");
        var analysed = new List<string>();
        var unexplained = new List<string>();
        var number = 0;
        // a goal without a measured indicator has nothing to analyse: one sentence names them instead of empty sections
        if (result.UnmeasuredGoals is { Count: > 0 } unmeasured)
            c.Paragraph($"Belum diukur pada {year} karena indikatornya belum memiliki realisasi: {string.Join("; ", unmeasured.Select(g => $"{ReportFacts.LevelName(g.Goal.Level)} {g.Goal.Code} {g.Goal.Name}"))}.");
        foreach (var goal in result.MeasuredGoals)
        {
            number++;
            c.Heading(3, $"{ReportFormat.Number(number)}. {ReportFacts.LevelName(goal.Goal.Level)} {goal.Goal.Code}: {goal.Goal.Name}");
            var summary = string.Join("; ", goal.Indicators.Select(r =>
                $"{r.Indicator.Code} {r.Indicator.Name}: target {f.Value(r.Target, r.Indicator.Satuan).Text}, realisasi {f.Realisasi(r.Realisasi, r.Indicator.Satuan).Text}, capaian {f.CapaianText(r.Capaian)}"));
            c.Paragraph($"Capaian sasaran ini {f.PercentText(goal.Capaian)}{(goal.Predicate is { } p ? $" ({p})" : "")}. {summary}.");
            SupportingProgramsTable(c, data, goal.Goal, f, year);
            var codes = goal.Indicators.Select(i => i.Indicator.Code).Prepend(goal.Goal.Code).ToList();
            var analysis = codes.SelectMany(code => ReportFacts.NarrativesOf(data, code, "Analisis").Concat(ReportFacts.NarrativesOf(data, code, "LatarBelakang"))).ToList();
            foreach (var text in analysis)
                c.Paragraph(text, ParagraphKind.Narrative);
            var causes = codes.Any(code => ReportFacts.NarrativesOf(data, code, goal.Capaian is < 100m ? "Penghambat" : "Pendorong").Any());
            if (analysis.Count > 0 || causes)
                analysed.Add(goal.Goal.Code);
            else if (goal.Capaian is not null)
                unexplained.Add(goal.Goal.Code);
            NarrativeList(c, data, codes, "Pendorong", "Faktor pendorong");
            NarrativeList(c, data, codes, "Penghambat", "Faktor penghambat");
            NarrativeList(c, data, codes, "Upaya", "Upaya yang dilakukan");
        }

        c.Part("Bab III: analisis penyebab keberhasilan atau kegagalan setiap sasaran", analysed.Count > 0 && unexplained.Count == 0,
            "isi Narasi jenis Analisis, Pendorong atau Penghambat untuk " + (unexplained.Count > 0 ? string.Join(", ", unexplained) : "setiap sasaran"));
        var supporting = result.Goals.Any(g => ProgramsOf(data, g.Goal, g.Indicators.Select(i => i.Indicator).ToList()).Count > 0);
        c.Part("Bab III: program dan kegiatan yang menunjang sasaran", supporting, "kaitkan program pada sheet Rencana (induk sasaran) atau sheet Anggaran (kolom Mendanai)");

        c.Heading(2, "G. Efisiensi Penggunaan Sumber Daya");
        mark = c.Mark;
        Efficiency(c, data, result, f);
        c.Part("Bab III: analisis efisiensi penggunaan sumber daya", c.Document.Blocks.Skip(mark).OfType<ReportTable>().Any(), "kaitkan baris anggaran dengan sasaran atau indikator (sheet Anggaran kolom Mendanai)");

        c.Heading(2, "H. Realisasi Anggaran");
        c.Part("Bab III: realisasi anggaran", BudgetTotal(data) is not null, "isi sheet Anggaran");
        Budget(c, data, f, year);
        AgencyRecords(c, data, year);
    }

    private static ReportTable CapaianTable(ReportComposer c, PerformanceDataset data, PerformanceResult result, ReportFormat f, string year)
    {
        var rows = new List<ReportRow>();
        var notes = new List<string>();
        // the status column (Tercapai / Tidak Tercapai tetapi Meningkat / Tidak Tercapai) when the profile asks for it
        var status = data.Profile.ShowStatus;
        ReportColumn[] columns = [new("Kode", 11), new("Sasaran / Indikator Kinerja", status ? 29 : 37), new("Satuan", 10, CellAlign.Center), new("Target", 11, CellAlign.Right), new("Realisasi", 11, CellAlign.Right), new("Capaian", 10, CellAlign.Right), new("Kategori", status ? 10 : 12, CellAlign.Center)];
        ReportCell[] Cells(params ReportCell[] cells) => status ? cells : cells[..^1];
        foreach (var goal in result.Goals)
        {
            rows.Add(new ReportRow(Cells(goal.Goal.Code, goal.Goal.Name, "", "", "", f.Percent(goal.Capaian), goal.Predicate ?? "-", ""), RowKind.Group));
            foreach (var row in goal.Indicators)
            {
                rows.Add(new ReportRow(Cells(row.Indicator.Code, row.Indicator.Name, ReportFormat.Satuan(row.Indicator), f.Value(row.Target, row.Indicator.Satuan),
                    f.Realisasi(row.Realisasi, row.Indicator.Satuan), f.Capaian(row.Capaian), f.Predicate(row), row.Status ?? "-")));
                if (row.Realisasi is { Status: RealisasiStatus.Provisional } r)
                    notes.Add($"* {row.Indicator.Code}: angka sementara{(r.Note is { } n ? ", sumber: " + n.TrimEnd('.') : "")}.");
                if (row.Capaian.WasCapped)
                    notes.Add($"{row.Indicator.Code}: capaian {f.PercentText(row.Capaian.Uncapped)} dibatasi menjadi {f.PercentText(row.Capaian.Value)}.");
                if (!row.Capaian.HasValue && row.Capaian.Reason is { } reason)
                    notes.Add($"{row.Indicator.Code}: {reason}.");
            }
        }

        rows.Add(new ReportRow(Cells("", "Capaian kinerja instansi (rata-rata sasaran)", "", "", "", f.Percent(result.AgencyCapaian), "", ""), RowKind.Total));
        return c.Table($"Capaian Indikator Kinerja Tahun {year}",
            status ? [.. columns, new("Status", 14, CellAlign.Center)] : columns,
            rows, notes);
    }

    public const string PublishedCapaianNote = "*) capaian sebagaimana dilaporkan pada tahun itu; target tahun itu tidak ada pada data sehingga capaiannya tidak dihitung ulang.";

    /// <summary>
    /// The capaian of a year in the trend table. An earlier year usually comes without its target, so its
    /// capaian cannot be computed; when the agency recorded the capaian it published that year, that figure
    /// prints, marked with *) and explained under the table, rather than an N/A the agency never wrote.
    /// </summary>
    private static ReportCell TrendCapaian(ReportFormat f, TrendPoint point, Period period, ref bool published)
    {
        var computed = f.Capaian(point.Capaian);
        if (computed.Text != "-")
            return computed;
        if (point.Period.Year < period.Year && point.Capaian.Status == CapaianStatus.NoTarget
            && PerformanceCalculator.CheckPrinted(point.Realisasi?.PrintedCapaian, point.Capaian) is { Printed: { } printed })
        {
            published = true;
            var cell = f.Percent(printed);
            return new ReportCell(cell.Text + "*)");
        }

        return "N/A";
    }

    private static void Trend(ReportComposer c, PerformanceDataset data, ReportFormat f, Period period)
    {
        var trends = data.Indicators.Select(i => (Indicator: i, Points: ProgressCalculator.Trend(data, i).Where(p => p.Period <= period).ToList()))
            .Where(t => t.Points.Count > 1).ToList();
        if (trends.Count == 0)
        {
            c.Placeholder("Data realisasi tahun-tahun sebelumnya belum diisi pada workbook, sehingga perbandingan antar tahun belum dapat disajikan.");
            return;
        }

        var years = trends.SelectMany(t => t.Points.Select(p => p.Period.Year)).Distinct().Order().TakeLast(3).ToList();
        var columns = new List<ReportColumn> { new("Kode", 11), new("Indikator", 27) };
        foreach (var y in years)
        {
            columns.Add(new($"Realisasi {ReportFormat.Number(y)}", 11, CellAlign.Right));
            columns.Add(new($"Capaian {ReportFormat.Number(y)}", 11, CellAlign.Right));
        }

        // the Renstra end target beside the years, when the workbook has one (seed 003 Tabel 3.4)
        var renstra = trends.Any(t => data.TargetFor(t.Indicator.Code, Period.RenstraEnd) is not null);
        if (renstra)
            columns.Add(new("Target Akhir Renstra", 11, CellAlign.Right));

        var rows = new List<ReportRow>();
        var published = false;
        // the Keterangan of earlier years (seed 003 Tabel 3.4: "Pada Tahun 2025 Sasaran dan Indikator Kinerja
        // berubah"): each note once, after the codes of the indicators it explains
        var remarks = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (indicator, points) in trends)
        {
            var cells = new List<ReportCell> { indicator.Code, indicator.Name };
            foreach (var y in years)
            {
                var point = points.FirstOrDefault(p => p.Period.Year == y);
                cells.Add(point is null ? "N/A" : f.Realisasi(point.Realisasi, indicator.Satuan));
                cells.Add(point is null ? "N/A" : TrendCapaian(f, point, period, ref published));
            }

            if (renstra)
                cells.Add(f.Value(data.TargetFor(indicator.Code, Period.RenstraEnd)?.Value, indicator.Satuan));

            rows.Add(new ReportRow(cells));
            foreach (var note in points.Where(p => p.Period.Year < period.Year && years.Contains(p.Period.Year)).Select(p => p.Realisasi?.Note).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                if (!remarks.TryGetValue(note, out var codes))
                    remarks[note] = codes = [];
                codes.Add(indicator.Code);
            }
        }

        var notes = remarks.Select(r => $"{string.Join(", ", r.Value)}: {r.Key}").ToList();
        if (published)
            notes.Insert(0, PublishedCapaianNote);

        var table = c.Table("Perbandingan Realisasi dan Capaian dengan Tahun Sebelumnya", columns, rows, notes);
        c.Paragraph($"{table.Label} membandingkan realisasi dan capaian indikator dengan tahun-tahun sebelumnya; N/A berarti data tahun itu tidak ada atau capaian tidak dapat dihitung (tanpa target tahun itu).");
        // one chart per indicator whose realisasi moved: capaian of earlier years is often not computable
        // (no target then), and indicators of different units do not share an axis
        foreach (var (indicator, points) in trends.Take(12))
        {
            var withRealisasi = points.Where(p => p.Realisasi is { IsNotAvailable: false, Value: NumberValue }).ToList();
            var realisasi = withRealisasi.Select(p => (Label: ReportFormat.Number(p.Period.Year), Value: ((NumberValue)p.Realisasi!.Value!).Value)).ToList();
            if (realisasi.Count < 2 || realisasi.All(r => r.Value == realisasi[0].Value))
                continue;
            // each point labelled as the table prints it, with the same decimals
            var series = new List<ChartSeries> { new("Realisasi", realisasi) { Texts = withRealisasi.Select(p => f.Realisasi(p.Realisasi, indicator.Satuan).Text).ToList() } };
            var withTarget = points.Where(p => p.Target is NumberValue).ToList();
            var targets = withTarget.Select(p => (Label: ReportFormat.Number(p.Period.Year), Value: ((NumberValue)p.Target!).Value)).ToList();
            if (targets.Count > 0)
                series.Add(new ChartSeries("Target", targets) { Texts = withTarget.Select(p => f.Value(p.Target, indicator.Satuan).Text).ToList() });
            var percent = points.Any(p => p.Realisasi?.Value is NumberValue { Percent: true });
            c.Figure($"Tren Realisasi {indicator.Code} {indicator.Name}", Charts.Lines(TrendChartTitle(indicator), series, f.Profile.Decimals, f.Profile.Rounding, percent ? "%" : ""), Charts.Width, Charts.Height);
        }
    }

    /// <summary>The title of an indicator's trend chart: its code and short name, so the chart reads without the caption.</summary>
    /// <remarks>The name is never cut (a statement prints whole, issue 20 item 7): a long one wraps at a word onto a second line.</remarks>
    public static string TrendChartTitle(Indicator indicator)
    {
        var title = $"{indicator.Code} {indicator.Name}: realisasi per tahun";
        if (title.Length <= 70)
            return title;
        var at = title.LastIndexOf(' ', Math.Min(title.Length - 1, title.Length / 2 + 10));
        return at <= 0 ? title : title[..at] + "\n" + title[(at + 1)..];
    }

    private static void Benchmarks(ReportComposer c, PerformanceDataset data, ReportFormat f, Period period, string year)
    {
        var items = data.Benchmarks.Where(b => b.Period.Year == period.Year).ToList();
        if (items.Count == 0)
        {
            c.Placeholder(data.Profile.Kind == AgencyKind.KL ? "Data pembanding nasional belum diisi pada workbook (sheet Pembanding)." : "Data pembanding provinsi dan nasional belum diisi pada workbook (sheet Pembanding).");
            return;
        }

        var levels = items.Select(b => (b.Level, b.Name)).Distinct().ToList();
        var columns = new List<ReportColumn> { new("Kode", 11), new("Indikator", 35), new($"Realisasi {year}", 14, CellAlign.Right) };
        columns.AddRange(levels.Select(l => new ReportColumn($"{l.Level}: {l.Name}", Math.Max(10, 42 / levels.Count), CellAlign.Right)));
        var rows = new List<ReportRow>();
        foreach (var code in items.Select(b => b.IndicatorCode).Distinct())
        {
            var indicator = data.Indicators.FirstOrDefault(i => i.Code == code);
            if (indicator is null)
                continue;
            var cells = new List<ReportCell> { code, indicator.Name, f.Realisasi(PeriodValues.RealisasiFor(data, indicator, period), indicator.Satuan) };
            foreach (var level in levels)
            {
                var b = items.FirstOrDefault(x => x.IndicatorCode == code && x.Level == level.Level && x.Name == level.Name);
                cells.Add(b is null ? "-" : b.Value is null ? "N/A" : f.Value(b.Value, indicator.Satuan));
            }

            rows.Add(new ReportRow(cells));
        }

        // the N/A note only under a table that shows an N/A
        var notAvailable = rows.Any(r => r.Cells.Any(cell => cell.Text == "N/A"));
        // named by the levels compared: a ministry compares with national figures, a Pemda with its province and the nation
        var named = string.Join(" dan ", levels.Select(l => l.Level.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Select(l => char.ToUpperInvariant(l[0]) + l[1..]));
        c.Table($"Perbandingan Realisasi dengan Capaian {named} Tahun {year}", columns, rows, notAvailable ? ["N/A: data pembanding tidak tersedia."] : []);
    }

    private static void NarrativeList(ReportComposer c, PerformanceDataset data, IReadOnlyList<string> codes, string kind, string label)
    {
        var texts = codes.SelectMany(code => ReportFacts.NarrativesOf(data, code, kind)).ToList();
        // without texts the label is left out too: a heading with nothing under it is an empty section
        if (texts.Count == 0)
        {
            c.Placeholder($"{label} belum diisi (sheet Narasi, jenis {kind}).");
            return;
        }

        c.Paragraph(label + ":", ParagraphKind.Label);
        c.Add(new BulletListBlock(texts));
    }

    private static void Efficiency(ReportComposer c, PerformanceDataset data, PerformanceResult result, ReportFormat f)
    {
        // the engine's table (docs/rules.md §8): per sasaran for Ratio, per indicator for Difference and Savings (003 Tabel 3.7)
        var table = BudgetAnalysis.Efficiency(data, result);
        var method = table.Method;
        var perSasaran = method == EfficiencyMethod.Ratio;
        var description = method switch
        {
            EfficiencyMethod.Ratio => "Efisiensi dihitung sebagai rasio capaian sasaran terhadap persentase penyerapan anggaran; nilai di atas 1 berarti capaian lebih tinggi daripada penyerapan.",
            EfficiencyMethod.Difference => "Efisiensi dihitung sebagai selisih capaian indikator (%) dengan penyerapan anggaran (%), dan hanya dinyatakan untuk indikator dengan capaian 100% atau lebih.",
            _ => "Efisiensi dihitung sebagai penghematan (pagu - realisasi) / pagu, dan hanya dinyatakan untuk indikator dengan capaian 100% atau lebih.",
        };
        c.Paragraph(description);
        var rows = table.Listed.ToList();
        if (rows.Count == 0)
        {
            c.Placeholder(table.Rows.Count == 0
                ? "Belum ada baris anggaran yang dikaitkan dengan sasaran atau indikator (kolom \"goals\" pada sheet Anggaran), sehingga efisiensi belum dapat dihitung."
                : "Tidak ada indikator dengan capaian 100% atau lebih, sehingga efisiensi tidak dinyatakan.");
            return;
        }

        var tableRows = rows.Select(r => new ReportRow([r.Code, r.Name, f.Percent(r.Capaian), f.Amount(r.Pagu), f.Amount(r.RealisasiAnggaran), r.Doubt is null ? f.Percent(r.Absorption) : "-", r.Doubt is null ? f.Points(r.Efficiency) : "tidak dihitung*"])).ToList();
        // a figure `check` marks as wrong gives no efficiency: the finding is printed instead of a number built on it
        var doubts = rows.Where(r => r.Doubt is not null).Select(r => $"* {r.Code}: {BudgetAnalysis.DoubtNote(r)}").ToList();
        c.Table(perSasaran ? "Efisiensi Penggunaan Sumber Daya per Sasaran" : "Efisiensi Penggunaan Sumber Daya per Indikator",
            [new("Kode", 8), new(perSasaran ? "Sasaran" : "Indikator", 30), new("Capaian", 10, CellAlign.Right), new("Pagu (Rp)", 15, CellAlign.Right), new("Realisasi (Rp)", 15, CellAlign.Right), new("Penyerapan", 14, CellAlign.Right), new("Efisiensi", 10, CellAlign.Right)],
            tableRows, [perSasaran
                ? "Anggaran sasaran adalah jumlah anggaran program dan kegiatan yang mendukung sasaran itu atau indikatornya."
                : "Anggaran indikator adalah jumlah anggaran program dan kegiatan yang mendukung indikator itu atau sasarannya.", .. doubts]);
    }

    private static void Budget(ReportComposer c, PerformanceDataset data, ReportFormat f, string year)
    {
        var tree = ReportFacts.BudgetTree(data);
        var types = ReportFacts.SpendingTypes(data);
        if (tree.Count == 0 && types.Count == 0)
        {
            c.Placeholder("Data anggaran belum diisi pada workbook (sheet Anggaran).");
            return;
        }

        if (BudgetTotal(data) is { } a)
        {
            var t = a.Amounts;
            c.Paragraph($"Pagu anggaran tahun {year} sebesar {f.RupiahText(t.Pagu)} terealisasi {f.RupiahText(t.Realisasi)} ({f.PercentText(a.OfPagu)}), dengan sisa {f.RupiahText(t.Sisa)}.");
            if (t.Blokir > 0)
            {
                c.Paragraph(a.OfPaguWithoutBlokir is { } withoutBlokir
                    ? $"Terhadap pagu tanpa blokir {f.RupiahText(a.PaguWithoutBlokir)}, penyerapan mencapai {f.PercentText(withoutBlokir)}."
                    : $"Seluruh pagu diblokir ({f.RupiahText(t.Blokir)}), sehingga penyerapan terhadap pagu tanpa blokir tidak dapat dihitung.");
            }

            if (a.OfPaguAgainstTarget is { } againstTarget)
                c.Paragraph($"Dibandingkan target penyerapan {f.PercentText(a.Target)}, capaian kinerja anggaran adalah {f.PercentText(againstTarget)}{(t.Blokir > 0 && a.OfPaguWithoutBlokirAgainstTarget is { } w ? $" (tanpa blokir: {f.PercentText(w)})" : "")}.");
        }

        var longCodes = data.Budget.Any(b => b.Code.Length > 10);
        var columns = new List<ReportColumn> { new("Kode", longCodes ? 18 : 13), new("Uraian", longCodes ? 28 : 33), new("Pagu (Rp)", 15, CellAlign.Right), new("Realisasi (Rp)", 15, CellAlign.Right), new("Sisa (Rp)", 13, CellAlign.Right), new("Penyerapan", 14, CellAlign.Right) };
        if (tree.Count > 0)
        {
            var roots = tree.Where(x => x.Depth == 0).Select(x => x.Line).ToList();
            // a single root that totals the tree (the ministry, "Jumlah") is the Jumlah row at the foot, not a programme at the top
            var totals = ReportFacts.BudgetTotals(data);
            var total = roots.Count == 1 && totals.Contains(roots[0].Code) ? roots[0] : null;
            var rows = tree.Where(x => x.Line != total).Select(x => BudgetRow(x.Line, total is null ? x.Depth : x.Depth - 1, f)).ToList();
            if (total is not null)
                rows.Add(new ReportRow(["", "Jumlah", f.Amount(total.Pagu), f.Amount(total.Realisasi), f.Amount(total.Sisa), f.Percent(total.Absorption)], RowKind.Total));
            else if (roots.Count > 1)
                rows.Add(TotalRow(data, spendingTypes: false, f));
            var kl = data.Profile.Kind == AgencyKind.KL;
            var table = c.Table(kl ? "Realisasi Anggaran per Program, Kegiatan, KRO dan RO" : "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan", columns, rows);
            c.Paragraph($"Rincian realisasi menurut program dan kegiatan disajikan pada {table.Label}.");
            var programLines = tree.Where(x => x.Depth == (roots.Count == 1 && tree.Any(y => y.Depth == 1) ? 1 : 0) && x.Line.Absorption is not null).Take(15).ToList();
            var programs = programLines.Select(x => (Charts.BarLabel(x.Line.Code, x.Line.Name, programLines.Count), x.Line.Absorption!.Value)).ToList();
            if (programs.Count > 0)
                c.Figure($"Penyerapan Anggaran Tahun {year}", Charts.Bars($"Penyerapan anggaran {year}", programs, data.Profile.Decimals, data.Profile.Rounding, reference: data.Profile.AbsorptionTarget, referenceName: "Target penyerapan"), Charts.Width, Charts.BarChartHeight(programs.Count));
        }

        if (types.Count > 0)
        {
            var rows = types.Select(x => BudgetRow(x.Line, x.Depth, f)).ToList();
            if (types.Count(x => x.Depth == 0) > 1)
                rows.Add(TotalRow(data, spendingTypes: true, f));
            c.Table("Realisasi Anggaran menurut Jenis Belanja", columns, rows);
        }
    }

    // a heading ("Dinas", "UPTD", a program title) is printed as the source prints it: without amounts
    // a code typed only as a key ("P1.K2") is not printed: only official codes are (issue 20 item 6)
    private static ReportRow BudgetRow(BudgetLine line, int depth, ReportFormat f) =>
        line.IsHeading
            ? new([ReportFormat.OfficialCode(line.Code, f.Profile.Kind) ?? "", new string(' ', Math.Min(depth, 10) * 2) + line.Name, "", "", "", ""], RowKind.Group)
            : new([ReportFormat.OfficialCode(line.Code, f.Profile.Kind) ?? "", new string(' ', Math.Min(depth, 10) * 2) + line.Name, f.Amount(line.Pagu), f.Amount(line.Realisasi), f.Amount(line.Sisa), f.Percent(line.Absorption)],
                depth == 0 ? RowKind.Group : RowKind.Normal);

    // the engine's sum of the top lines (swapped columns put back, blank blokir from below), laid out
    private static ReportRow TotalRow(PerformanceDataset data, bool spendingTypes, ReportFormat f)
    {
        var rollup = BudgetRollup.Of(data.Budget);
        var total = rollup.Tree.Roots.Where(r => BudgetTree.IsSpendingType(r.Line) == spendingTypes).Aggregate(default(Amounts), (sum, root) => sum + rollup.Own(root));
        return new ReportRow(["", "Jumlah", f.Amount(total.Pagu), f.Amount(total.Realisasi), f.Amount(total.Sisa), f.Percent(total.Absorption)], RowKind.Total);
    }

    /// <summary>The whole budget as the engine totals it (programs, else spending types; swapped columns put back, blank blokir from the lines below); null without pagu.</summary>
    public static Absorption? BudgetTotal(PerformanceDataset data)
    {
        if (data.Budget.Count == 0)
            return null;
        var absorption = BudgetAnalysis.Absorption(data);
        return absorption.Amounts.Pagu == 0 ? null : absorption;
    }

    private static void ChapterFour(ReportComposer c, PerformanceDataset data, PerformanceResult result, ReportFormat f, string year)
    {
        c.Heading(1, "BAB IV PENUTUP", startsPage: true);
        c.Heading(2, "A. Kesimpulan");
        // only measured goals are counted: a node whose indicators have no realisasi is not "belum" (issue 20 item 14)
        var reached = result.ReachedGoals;
        c.Paragraph(GoalsReachedSentence(result.MeasuredGoals.Count, reached, year) + (result.AgencyCapaian is { } a ? $" {Capitalise(AgencyFigureLabel(data.Profile))} adalah {f.PercentText(a)}; {ReachedSentence(result)}." : ""));
        var below = result.Goals.Where(g => g.Capaian is { } v && v < 100m).ToList();
        // each by its name as well as its code: the reader of the conclusion has no table beside it
        if (below.Count > 0)
            c.Paragraph("Sasaran yang belum mencapai target dan memerlukan perhatian: " + string.Join("; ", below.Select(g => $"{g.Goal.Code} {g.Goal.Name} ({f.PercentText(g.Capaian)})")) + ".");
        if (!AgencyParagraphs(c, data, "Kesimpulan"))
            c.Missing("Simpulan pimpinan belum diisi (sheet Narasi, kode Instansi, jenis Kesimpulan); lengkapi sebelum laporan ditandatangani.", required: false);
        c.Heading(2, "B. Saran");
        var advice = AgencyList(c, data, "Saran");
        c.Part("Bab IV: kesimpulan dan saran (langkah di masa mendatang)", advice, "isi Narasi kode Instansi jenis Saran");
    }

    /// <summary>"Dari 2 tujuan/sasaran ..., belum ada yang mencapai target": a count of none or of all is said in words.</summary>
    public static string GoalsReachedSentence(int goals, int reached, string year)
    {
        var lead = $"Dari {ReportFormat.Number(goals)} tujuan dan sasaran yang diukur pada tahun {year}, ";
        return lead + (reached == 0 ? "belum ada yang mencapai target."
            : reached == goals ? "seluruhnya mencapai atau melampaui target."
            : $"{ReportFormat.Number(reached)} mencapai atau melampaui target dan {ReportFormat.Number(goals - reached)} belum.");
    }

    private static string BandRange(IReadOnlyList<PredicateBand> bands, int i)
    {
        var band = bands[i];
        var lower = band.Threshold is { } t ? (band.Inclusive ? "≥ " : "> ") + IndonesianNumber.Format(t, 0) + "%" : null;
        var upper = i == 0 ? null : bands[i - 1].Threshold is { } u ? (bands[i - 1].Inclusive ? "< " : "≤ ") + IndonesianNumber.Format(u, 0) + "%" : null;
        return (lower, upper) switch
        {
            ({ } l, { } h) => l + " dan " + h,
            ({ } l, null) => l,
            (null, { } h) => h,
            _ => "semua nilai",
        };
    }
}
