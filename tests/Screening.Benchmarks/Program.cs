using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Screening.Benchmarks [-- --filter '*Engine*']
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point.</summary>
public partial class Program;
