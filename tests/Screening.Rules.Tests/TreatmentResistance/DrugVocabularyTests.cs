using Screening.Rules.TreatmentResistance;

namespace Screening.Rules.Tests.TreatmentResistance;

/// <summary>R2-12: brand and generic names, formulation and salt words map to one active ingredient.</summary>
public class DrugVocabularyTests
{
    [Theory]
    [InlineData("venlafaxine", "Effexor XR")]
    [InlineData("venlafaxine", "Venlafaxine ER 150 mg")]
    [InlineData("venlafaxine", "venlafaxine hydrochloride")]
    [InlineData("sertraline", "Zoloft")]
    [InlineData("sertraline", "Lustral 100mg tablets")]
    [InlineData("escitalopram", "Lexapro")]
    [InlineData("escitalopram", "escitalopram oxalate")]
    [InlineData("bupropion", "Wellbutrin XL")]
    [InlineData("bupropion", "bupropion HCl SR")]
    [InlineData("paroxetine", "Paxil CR")]
    [InlineData("fluvoxamine", "Luvox CR")]
    [InlineData("duloxetine", "Cymbalta")]
    [InlineData("desvenlafaxine", "Pristiq")]
    [InlineData("clomipramine", "Anafranil")]
    [InlineData("lithium", "lithium carbonate")]
    [InlineData("valproate", "Depakote ER")]
    [InlineData("valproate", "divalproex sodium")]
    [InlineData("quetiapine", "Seroquel XR")]
    [InlineData("pregabalin", "Lyrica CR")]
    [InlineData("gabapentin", "Neurontin")]
    [InlineData("amitriptyline", "Amitriptyline 25 mg")]
    public void A_brand_or_a_formulation_is_its_generic_ingredient(string generic, string name)
    {
        Assert.Equal(generic, DrugVocabulary.Read(generic).Key);
        Assert.Equal(generic, DrugVocabulary.Read(name).Key);
        Assert.True(DrugVocabulary.Read(name).IsRecognised);
    }

    [Theory]
    [InlineData("exposure and response prevention")]
    [InlineData("Exposure/response prevention")]
    [InlineData("ERP")]
    public void Exposure_and_response_prevention_is_recognised(string name) =>
        Assert.True(DrugVocabulary.Read(name).Ingredient?.Is(DrugClass.ExposureAndResponsePrevention));

    [Fact]
    public void Prolonged_exposure_therapy_is_not_erp()
    {
        var therapy = DrugVocabulary.Read("prolonged exposure").Ingredient!;

        Assert.False(therapy.Is(DrugClass.ExposureAndResponsePrevention));
        Assert.True(therapy.Is(DrugClass.TraumaFocusedPsychotherapy));
    }

    [Theory]
    [InlineData("trauma-focused CBT", "trauma-focused cognitive behavioural therapy")]
    [InlineData("TF-CBT", "trauma-focused cognitive behavioural therapy")]
    [InlineData("Cognitive Processing Therapy", "cognitive processing therapy")]
    [InlineData("EMDR", "eye movement desensitisation and reprocessing")]
    [InlineData("narrative exposure therapy (NET)", "narrative exposure therapy")]
    public void A_trauma_focused_psychotherapy_is_recognised_by_its_longest_name(string name, string therapy)
    {
        var read = DrugVocabulary.Read(name);

        Assert.Equal(therapy, read.Key);
        Assert.True(read.Ingredient!.Is(DrugClass.TraumaFocusedPsychotherapy));
    }

    [Theory]
    [InlineData("CBT")]
    [InlineData("Cognitive-behavioral therapy")]
    [InlineData("cognitive behaviour therapy, 12 sessions")]
    public void Cognitive_behavioural_therapy_is_recognised(string name)
    {
        var therapy = DrugVocabulary.Read(name).Ingredient!;

        Assert.True(therapy.Is(DrugClass.CognitiveBehaviouralTherapy));
        Assert.False(therapy.Is(DrugClass.TraumaFocusedPsychotherapy));
    }

    [Fact]
    public void Supportive_counselling_is_one_therapy() => Assert.Equal("counselling", DrugVocabulary.Read("Supportive counselling").Key);

    [Fact]
    public void Words_of_a_name_are_read_in_order() => Assert.False(DrugVocabulary.Read("exposure, prolonged").Ingredient?.Is(DrugClass.TraumaFocusedPsychotherapy) == true);

    [Theory]
    [InlineData("clonazepam", "Klonopin")]
    [InlineData("alprazolam", "Xanax XR")]
    [InlineData("tramadol", "Ultram ER")]
    [InlineData("paracetamol", "acetaminophen")]
    [InlineData("prazosin", "Minipress")]
    public void A_drug_of_no_counted_class_is_recognised(string generic, string name)
    {
        var read = DrugVocabulary.Read(name);

        Assert.Equal(generic, read.Key);
        Assert.Equal([DrugClass.OtherDrug], read.Ingredient!.Classes);
    }

    [Theory]
    [InlineData("escitalopram", true)]
    [InlineData("duloxetine", true)]
    [InlineData("clomipramine", false)]
    [InlineData("bupropion", false)]
    [InlineData("clonazepam", false)]
    public void The_first_line_agents_of_anxiety_and_ptsd_are_ssris_and_snris(string drug, bool firstLine) =>
        Assert.Equal(firstLine, DrugVocabulary.Read(drug).Ingredient!.IsSsriOrSnri);

    [Theory]
    [InlineData("clomipramine")]
    [InlineData("fluoxetine")]
    [InlineData("fluvoxamine")]
    [InlineData("paroxetine")]
    [InlineData("sertraline")]
    [InlineData("citalopram")]
    [InlineData("escitalopram")]
    public void The_seven_serotonin_reuptake_inhibitors_of_the_ocd_criterion(string drug) =>
        Assert.True(DrugVocabulary.Read(drug).Ingredient!.Is(DrugClass.SerotoninReuptakeInhibitorForOcd));

    [Theory]
    [InlineData("venlafaxine")]
    [InlineData("duloxetine")]
    [InlineData("bupropion")]
    [InlineData("amitriptyline")]
    public void Other_antidepressants_are_not_serotonin_reuptake_inhibitors_of_the_ocd_criterion(string drug) =>
        Assert.False(DrugVocabulary.Read(drug).Ingredient!.Is(DrugClass.SerotoninReuptakeInhibitorForOcd));

    [Theory]
    [InlineData("pregabalin", true)]
    [InlineData("duloxetine", true)]
    [InlineData("nortriptyline", true)]
    [InlineData("sertraline", false)]
    [InlineData("quetiapine", false)]
    public void First_line_neuropathic_agents_are_gabapentinoids_snris_and_tricyclics(string drug, bool firstLine) =>
        Assert.Equal(firstLine, DrugVocabulary.Read(drug).Ingredient!.IsFirstLineNeuropathicAgent);

    [Fact]
    public void An_unrecognised_name_is_compared_by_its_normalised_text() =>
        Assert.Equal(DrugVocabulary.Read("Agomelatina 25 mg").Key, DrugVocabulary.Read("agomelatina tablets").Key);

    [Fact]
    public void Numbers_that_are_not_doses_stay_part_of_an_unrecognised_name() =>
        Assert.NotEqual(DrugVocabulary.Read("treatment 1").Key, DrugVocabulary.Read("treatment 2").Key);

    [Fact]
    public void A_combination_product_is_its_ingredients_together()
    {
        var combination = DrugVocabulary.Read("olanzapine/fluoxetine");

        Assert.Equal("fluoxetine + olanzapine", combination.Key);
        Assert.True(combination.Ingredient!.IsAntidepressant);
    }

    [Theory]
    [InlineData("SERTRALINE")]
    [InlineData("(sertraline)")]
    public void Case_and_punctuation_do_not_matter(string name) => Assert.Equal("sertraline", DrugVocabulary.Read(name).Key);
}
