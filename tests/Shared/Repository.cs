namespace Screening.Tests;

/// <summary>The repository the tests run from: for the files the product ships (the ruleset lock, the docs, the rules source).</summary>
public static class Repository
{
    /// <summary>The folder holding Screening.sln, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Screening.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Screening.sln was not found above " + AppContext.BaseDirectory);
    }
}
