using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Exporter.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
