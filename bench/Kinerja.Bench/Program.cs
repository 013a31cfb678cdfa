using BenchmarkDotNet.Running;

// Runs the benchmarks named on the command line, e.g.
//   dotnet run -c Release --project bench/Kinerja.Bench -- --filter '*Capaian*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

public partial class Program;
