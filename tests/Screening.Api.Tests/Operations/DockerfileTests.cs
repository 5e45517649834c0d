using System.Text.RegularExpressions;
using System.Xml.Linq;
using Screening.Tests;

namespace Screening.Api.Tests.Operations;

/// <summary>
/// The Dockerfile restores from project files copied ahead of the sources (so restore is cached apart from code). That
/// breaks silently when a project joins the reference closure or a root build input is left out: the image once failed
/// on an unrestored Screening.Fhir and on analyzers at their default severities without .editorconfig. These tests
/// read the Dockerfile and .dockerignore and fail first.
/// </summary>
public partial class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(Repository.PathOf("Dockerfile"));

    /// <summary>The build stage's COPY instructions (sources, destination) before the line matching <paramref name="step"/>.</summary>
    private static List<(string[] Sources, string Destination)> CopiesBefore(Regex step)
    {
        var copies = new List<(string[], string)>();
        foreach (var line in Lines)
        {
            if (step.IsMatch(line))
            {
                return copies;
            }

            if (line.StartsWith("FROM ", StringComparison.Ordinal) && copies.Count > 0)
            {
                break;
            }

            if (line.StartsWith("COPY ", StringComparison.Ordinal) && !line.Contains("--from=", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
                copies.Add((parts[..^1], parts[^1]));
            }
        }

        throw new InvalidOperationException($"The Dockerfile has no step matching {step}.");
    }

    /// <summary>Where a COPY puts a repository file, or null when it does not copy it.</summary>
    private static string? Placement(IEnumerable<(string[] Sources, string Destination)> copies, string file)
    {
        foreach (var (sources, destination) in copies)
        {
            foreach (var source in sources)
            {
                var directory = source.TrimEnd('/');
                if (source == file)
                {
                    return destination.EndsWith('/') ? Path.Combine(destination, Path.GetFileName(file)) : destination;
                }

                if (source.EndsWith('/') && file.StartsWith(directory + "/", StringComparison.Ordinal))
                {
                    return Path.Combine(destination, file[(directory.Length + 1)..]);
                }
            }
        }

        return null;
    }

    /// <summary>Screening.Api's project and every project it references, directly or not, as repository paths.</summary>
    public static TheoryData<string> ApiReferenceClosure()
    {
        var closure = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Repository.PathOf("src", "Screening.Api", "Screening.Api.csproj")]);
        while (pending.TryPop(out var project))
        {
            if (closure.Add(Path.GetRelativePath(Repository.Root, project).Replace('\\', '/')))
            {
                foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
                {
                    pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value)));
                }
            }
        }

        return [.. closure];
    }

    /// <summary>The files at the root that take part in every build, as far as the repository has them.</summary>
    public static TheoryData<string> RootBuildInputs() =>
        [.. new[] { ".editorconfig", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "nuget.config" }
            .Where(name => File.Exists(Repository.PathOf(name)))];

    [Theory]
    [MemberData(nameof(ApiReferenceClosure))]
    public void Every_project_of_the_closure_is_copied_to_its_place_before_restore(string project)
    {
        var placed = Placement(CopiesBefore(RestoreStep()), project);

        Assert.True(placed is not null, $"{project} is not copied before `dotnet restore` in the Dockerfile.");
        Assert.Equal(project, Path.GetRelativePath("/src", Path.Combine("/src", placed)).Replace('\\', '/'));
    }

    [Theory]
    [MemberData(nameof(ApiReferenceClosure))]
    public void Every_project_of_the_closure_has_its_sources_copied_before_publish(string project)
    {
        var directory = Path.GetDirectoryName(project)!.Replace('\\', '/');

        Assert.True(Placement(CopiesBefore(PublishStep()), $"{directory}/any-source-file") is not null, $"{directory}/ is not copied before `dotnet publish`.");
    }

    [Theory]
    [MemberData(nameof(RootBuildInputs))]
    public void Every_root_build_input_is_copied_before_restore(string file)
    {
        Assert.Equal($"./{file}", Placement(CopiesBefore(RestoreStep()), file));
    }

    [Theory]
    [MemberData(nameof(RootBuildInputs))]
    [MemberData(nameof(ApiReferenceClosure))]
    public void No_build_input_is_excluded_from_the_build_context(string file)
    {
        var excluded = File.ReadAllLines(Repository.PathOf(".dockerignore"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Where(pattern => DockerIgnorePattern(pattern).IsMatch(file))
            .ToArray();

        Assert.True(excluded.Length == 0, $"{file} is excluded by .dockerignore: {string.Join(", ", excluded)}");
    }

    [Fact]
    public void The_tests_find_the_closure_and_the_root_inputs()
    {
        // Guards the guards: the projects and root files the image was once built without are among those checked.
        Assert.Contains("src/Screening.Fhir/Screening.Fhir.csproj", ApiReferenceClosure());
        Assert.Contains("rules/Screening.Rules/Screening.Rules.csproj", ApiReferenceClosure());
        Assert.Contains(".editorconfig", RootBuildInputs());
    }

    /// <summary>A .dockerignore line as a regex over repository paths: ** any folders, * within one name, a trailing / a folder.</summary>
    private static Regex DockerIgnorePattern(string pattern)
    {
        var folder = pattern.EndsWith('/');
        var body = Regex.Escape(pattern.TrimEnd('/')).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal);
        return new Regex(folder ? $"^{body}/" : $"^{body}(/|$)");
    }

    [GeneratedRegex(@"^RUN dotnet restore ")]
    private static partial Regex RestoreStep();

    [GeneratedRegex(@"^RUN dotnet publish ")]
    private static partial Regex PublishStep();
}
