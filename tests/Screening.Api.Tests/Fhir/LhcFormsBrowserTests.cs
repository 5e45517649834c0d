using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Screening.Api.Tests.Infrastructure;
using Screening.Fhir;
using Task = System.Threading.Tasks.Task;

namespace Screening.Api.Tests.Fhir;

/// <summary>
/// The served Questionnaire in the NLM's LHC-Forms (headless Chromium): rendered, filled like a coordinator would,
/// exported as a QuestionnaireResponse, and evaluated by $evaluate into a valid GuidanceResponse.
/// </summary>
public class LhcFormsBrowserTests
{
    private static readonly FhirJsonDeserializer Deserializer = new();

    [SkippableFact]
    public async Task A_form_filled_in_lhc_forms_is_evaluated_into_a_valid_guidance_response()
    {
        BrowserTest.RequireBrowser();
        BrowserTest.RequirePackage("lforms");
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>());

        var (exitCode, output) = await BrowserTest.RunAsync("lhc-forms.mjs", service.Address.ToString().TrimEnd('/'), ApiFactory.ApiKey, BrowserTest.ArtifactsDirectory);

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{output}");
        Assert.True(File.Exists(Path.Combine(BrowserTest.ArtifactsDirectory, "lhc-forms-filled.png")));

        // What LHC-Forms exported is a valid R4 QuestionnaireResponse carrying the answers typed and clicked.
        var exported = Assert.IsType<QuestionnaireResponse>(Deserializer.DeserializeResource(After("QUESTIONNAIRE-RESPONSE", output)));
        Assert.Empty(FhirValidation.Errors(exported));
        // The form carries the canonical the service handed out: its own /fhir URL (no canonical base configured).
        Assert.Equal($"{service.Address.ToString().TrimEnd('/')}/fhir/Questionnaire/{FhirCanonicals.QuestionnaireId}", exported.Questionnaire?.Split('|')[0]);
        var intake = QuestionnaireResponseMapper.Map(exported, new FhirCanonicals($"{service.Address.ToString().TrimEnd('/')}/fhir")).Intake!;
        Assert.Equal("1985-03-12", intake["patient"]!["dateOfBirth"]!.GetValue<string>());
        Assert.Equal("female", intake["patient"]!["sexAtBirth"]!.GetValue<string>());
        Assert.Equal("no", intake["patient"]!["pregnant"]!.GetValue<string>());
        Assert.Equal(18, intake["instruments"]!["phq9"]!["total"]!.GetValue<int>());
        Assert.Equal(2, intake["instruments"]!["phq9"]!["item9"]!.GetValue<int>());
        Assert.Equal("yes", intake["instruments"]!["cssrs"]!["intentWithPlan"]!.GetValue<string>());
        Assert.Equal(128, intake["vitals"]!["systolicMmHg"]!.GetValue<int>());

        // And $evaluate answered a valid GuidanceResponse with the category this case must get.
        var guidance = Assert.IsType<GuidanceResponse>(Deserializer.DeserializeResource(After("GUIDANCE-RESPONSE", output)));
        Assert.Empty(FhirValidation.Errors(guidance));
        var result = (Parameters)guidance.Contained.Single();
        Assert.Equal("urgent-crisis-referral", result.GetSingleValue<Coding>("category")!.Code);
        Assert.Contains(result.Parameter.Where(p => p.Name == "reason"), r => ((Coding)r.Part[0].Value!).Code == "URG_SUICIDE_RISK_HIGH");
    }

    private static string After(string marker, string output)
    {
        var lines = output.Split('\n');
        return lines[Array.FindIndex(lines, l => l.Trim() == marker) + 1];
    }
}
