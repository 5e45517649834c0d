using Screening.Domain.Intake;
using Screening.Domain.Policy;
using Screening.Engine.Catalog;

namespace Screening.Rules.Tests.Catalog;

/// <summary>
/// The "Intake read" line of the clinical reference comes from the rules themselves (their conditions and actions as
/// NRules keeps them): every rule has one, every path it names is a field or section of the request, and a rule that
/// rests on a derived fact reads what that fact is derived from.
/// </summary>
public class RuleInputsTests
{
    [Fact]
    public void Every_catalog_rule_has_its_inputs_and_every_path_is_part_of_the_request()
    {
        var catalog = new RuleCatalog(new ScreeningPolicy());

        Assert.Equal(catalog.Entries.Select(e => e.Id).Order(), RuleInputs.All.Keys.Order());
        var paths = RuleInputs.All.Values.SelectMany(i => i.Fields).Distinct().ToArray();
        Assert.All(paths, path =>
        {
            var plain = path.Replace("[].*", string.Empty, StringComparison.Ordinal).Replace(".*", string.Empty, StringComparison.Ordinal).Replace("[]", string.Empty, StringComparison.Ordinal);
            Assert.True(IntakeOrder.Of(plain).Position != int.MaxValue || IntakeOrder.Of(plain + ".x").Position != int.MaxValue || IsSection(plain), $"{path} is not a path of the request");
        });
    }

    [Theory]
    [InlineData("CI_AVM", "contraindications.arteriovenousMalformation")]
    [InlineData("CI_AGE_UNDER_18", "patient.dateOfBirth")]
    [InlineData("RC_NO_MOOD_STABILIZER", "medications.moodStabilizer")]
    [InlineData("INFO_PHQ9_CSSRS_DISCORDANT", "instruments.phq9.item9")]
    public void A_rule_reads_the_fields_its_conditions_name(string ruleId, string field)
    {
        Assert.Contains(field, RuleInputs.All[ruleId].Fields);
        Assert.DoesNotContain(RuleInputs.All[ruleId].Fields, f => f.StartsWith("policy", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_on_a_derived_fact_reads_what_the_fact_is_derived_from()
    {
        var trd = RuleInputs.All["IND_TRD"];
        var suicideRisk = RuleInputs.All["URG_SUICIDE_RISK_HIGH"];
        var elevatedBp = RuleInputs.All["RC_ELEVATED_BP"];

        Assert.Contains("treatmentTrials[].*", trd.Fields);
        Assert.Contains("treatment history", trd.Through);
        Assert.Equal(["instruments.cssrs.*"], suicideRisk.Fields);
        Assert.Equal(["C-SSRS risk"], suicideRisk.Through);
        Assert.Contains("vitals.systolicMmHg", elevatedBp.Fields);
        Assert.Contains("vitals.bloodPressureMeasuredOn", elevatedBp.Fields);
        Assert.False(trd.OtherRulesFindings);
        Assert.True(RuleInputs.All["OUTCOME_PRECEDENCE"].OtherRulesFindings);
    }

    private static bool IsSection(string path) =>
        typeof(ScreeningRequest).GetProperties().Any(p => string.Equals(p.Name, path, StringComparison.OrdinalIgnoreCase))
        || path.Split('.') is [var section, var group] && typeof(ScreeningRequest).GetProperty(section, System.Reflection.BindingFlags.IgnoreCase | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)?.PropertyType
            .GetProperty(group, System.Reflection.BindingFlags.IgnoreCase | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance) is not null;
}
