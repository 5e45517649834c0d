using Screening.Api.OpenApi;

namespace Screening.Api.Tests.Infrastructure;

/// <summary>The named request examples, as xunit theory data.</summary>
public static class Examples
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var example in RequestExamples.All)
        {
            data.Add(example.Name);
        }

        return data;
    }

    public static RequestExample Named(string name) => RequestExamples.All.Single(e => e.Name == name);
}
