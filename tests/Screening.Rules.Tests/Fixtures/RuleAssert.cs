namespace Screening.Rules.Tests.Fixtures;

/// <summary>Assertions on what a rule yielded.</summary>
public static class RuleAssert
{
    public static Finding Present(Finding? finding)
    {
        Assert.NotNull(finding);
        Assert.Equal(FindingStatus.Present, finding.Status);
        Assert.False(string.IsNullOrWhiteSpace(finding.Text));
        Assert.NotEmpty(finding.Evidence);
        return finding;
    }

    public static Finding Unknown(Finding? finding, params string[] missingPaths)
    {
        Assert.NotNull(finding);
        Assert.Equal(FindingStatus.Unknown, finding.Status);
        Assert.Equal(missingPaths.Order(), finding.Missing.Select(f => f.Path).Order());
        Assert.All(finding.Missing, f => Assert.False(string.IsNullOrWhiteSpace(f.Question)));
        return finding;
    }

    /// <summary>An unknown finding whose unanswered questions are only worth asking: none of them holds the outcome.</summary>
    public static Finding WorthAskingOnly(Finding? finding, params string[] paths)
    {
        Assert.NotNull(finding);
        Assert.Equal(FindingStatus.Unknown, finding.Status);
        Assert.Empty(finding.Missing);
        Assert.Equal(paths.Order(), finding.WorthAsking.Select(f => f.Path).Order());
        return finding;
    }

    public static void Absent(Finding? finding) => Assert.Null(finding);

    public static IndicationAssessment Status(IndicationAssessment? assessment, IndicationStatus status)
    {
        Assert.NotNull(assessment);
        Assert.Equal(status, assessment.Status);
        return assessment;
    }
}
