using System.Text;

namespace Screening.Rules.TreatmentResistance;

/// <summary>The classes of drugs (and the one therapy) the rules name.</summary>
public enum DrugClass
{
    /// <summary>Selective serotonin reuptake inhibitor.</summary>
    Ssri,

    /// <summary>Serotonin-noradrenaline reuptake inhibitor.</summary>
    Snri,

    /// <summary>Tricyclic antidepressant.</summary>
    Tricyclic,

    /// <summary>Monoamine oxidase inhibitor.</summary>
    Maoi,

    /// <summary>Another antidepressant (bupropion, mirtazapine, trazodone, vortioxetine, ...).</summary>
    OtherAntidepressant,

    /// <summary>A serotonin reuptake inhibitor of the OCD trials (spec §4, R2-6): the SSRIs and clomipramine.</summary>
    SerotoninReuptakeInhibitorForOcd,

    /// <summary>Lithium, valproate and other mood stabilisers.</summary>
    MoodStabiliser,

    /// <summary>An antipsychotic (as augmentation, or for bipolar depression).</summary>
    Antipsychotic,

    /// <summary>Gabapentin or pregabalin.</summary>
    Gabapentinoid,

    /// <summary>Exposure and response prevention, the psychotherapy of the OCD refractoriness criterion.</summary>
    ExposureAndResponsePrevention,
}

/// <summary>An active ingredient (or the one recognised therapy) and its classes.</summary>
public sealed record ActiveIngredient(string Name, IReadOnlySet<DrugClass> Classes)
{
    public bool IsAntidepressant => Classes.Overlaps([DrugClass.Ssri, DrugClass.Snri, DrugClass.Tricyclic, DrugClass.Maoi, DrugClass.OtherAntidepressant]);

    /// <summary>First-line neuropathic-pain agents (spec §4): a gabapentinoid, an SNRI or a tricyclic.</summary>
    public bool IsFirstLineNeuropathicAgent => Classes.Overlaps([DrugClass.Gabapentinoid, DrugClass.Snri, DrugClass.Tricyclic]);

    public bool Is(DrugClass drugClass) => Classes.Contains(drugClass);
}

/// <summary>A free-text drug or therapy name as the rules read it: the ingredient it names, if recognised, and the key it is compared by.</summary>
/// <param name="Text">The name as sent.</param>
/// <param name="Key">The comparison key: the ingredient's name, or the normalised text when not recognised.</param>
/// <param name="Ingredient">The recognised ingredient; null when the name is not in the vocabulary.</param>
public sealed record DrugName(string Text, string Key, ActiveIngredient? Ingredient)
{
    public bool IsRecognised => Ingredient is not null;
}

/// <summary>
/// The one drug vocabulary of the ruleset (spec §3.2, R2-12): generic names and common brand names mapped to
/// their active ingredient, and the formulation and salt words that do not change it (Effexor XR, venlafaxine ER and
/// venlafaxine hydrochloride are all venlafaxine). "Distinct agents" are counted by ingredient. A name not recognised
/// is compared by its normalised text and named in the reason for the clinician to check.
/// </summary>
public static class DrugVocabulary
{
    /// <summary>Formulation, salt, form and dose words that do not change the active ingredient.</summary>
    public static readonly IReadOnlySet<string> IgnoredWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "xr", "xl", "er", "sr", "cr", "la", "cd", "od", "dr", "ir", "mr", "xro", "ec",
        "extended", "delayed", "modified", "prolonged", "controlled", "sustained", "immediate", "release", "retard",
        "hcl", "hydrochloride", "hbr", "hydrobromide", "sodium", "oxalate", "succinate", "tartrate", "maleate", "mesylate",
        "besylate", "citrate", "sulfate", "sulphate", "carbonate", "fumarate", "hemifumarate", "mesilate", "acid",
        "tablet", "tablets", "capsule", "capsules", "oral", "solution", "mg", "mcg", "ml", "daily",
    };

    private static readonly (string Ingredient, DrugClass[] Classes, string[] Names)[] Entries =
    [
        // SSRIs: also the serotonin reuptake inhibitors of the OCD criterion.
        ("citalopram", [DrugClass.Ssri, DrugClass.SerotoninReuptakeInhibitorForOcd], ["citalopram", "celexa", "cipramil"]),
        ("escitalopram", [DrugClass.Ssri, DrugClass.SerotoninReuptakeInhibitorForOcd], ["escitalopram", "lexapro", "cipralex"]),
        ("fluoxetine", [DrugClass.Ssri, DrugClass.SerotoninReuptakeInhibitorForOcd], ["fluoxetine", "prozac", "sarafem"]),
        ("fluvoxamine", [DrugClass.Ssri, DrugClass.SerotoninReuptakeInhibitorForOcd], ["fluvoxamine", "luvox", "faverin"]),
        ("paroxetine", [DrugClass.Ssri, DrugClass.SerotoninReuptakeInhibitorForOcd], ["paroxetine", "paxil", "seroxat", "pexeva"]),
        ("sertraline", [DrugClass.Ssri, DrugClass.SerotoninReuptakeInhibitorForOcd], ["sertraline", "zoloft", "lustral"]),

        // SNRIs.
        ("venlafaxine", [DrugClass.Snri], ["venlafaxine", "effexor"]),
        ("desvenlafaxine", [DrugClass.Snri], ["desvenlafaxine", "pristiq"]),
        ("duloxetine", [DrugClass.Snri], ["duloxetine", "cymbalta"]),
        ("levomilnacipran", [DrugClass.Snri], ["levomilnacipran", "fetzima"]),
        ("milnacipran", [DrugClass.Snri], ["milnacipran", "savella", "ixel"]),

        // Tricyclics; clomipramine is also a serotonin reuptake inhibitor of the OCD criterion.
        ("clomipramine", [DrugClass.Tricyclic, DrugClass.SerotoninReuptakeInhibitorForOcd], ["clomipramine", "anafranil"]),
        ("amitriptyline", [DrugClass.Tricyclic], ["amitriptyline", "elavil"]),
        ("nortriptyline", [DrugClass.Tricyclic], ["nortriptyline", "pamelor", "aventyl", "allegron"]),
        ("imipramine", [DrugClass.Tricyclic], ["imipramine", "tofranil"]),
        ("desipramine", [DrugClass.Tricyclic], ["desipramine", "norpramin"]),
        ("doxepin", [DrugClass.Tricyclic], ["doxepin", "sinequan"]),
        ("protriptyline", [DrugClass.Tricyclic], ["protriptyline", "vivactil"]),
        ("trimipramine", [DrugClass.Tricyclic], ["trimipramine", "surmontil"]),
        ("dosulepin", [DrugClass.Tricyclic], ["dosulepin", "dothiepin", "prothiaden"]),
        ("lofepramine", [DrugClass.Tricyclic], ["lofepramine", "gamanil"]),

        // MAO inhibitors.
        ("phenelzine", [DrugClass.Maoi], ["phenelzine", "nardil"]),
        ("tranylcypromine", [DrugClass.Maoi], ["tranylcypromine", "parnate"]),
        ("isocarboxazid", [DrugClass.Maoi], ["isocarboxazid", "marplan"]),
        ("selegiline", [DrugClass.Maoi], ["selegiline", "emsam"]),
        ("moclobemide", [DrugClass.Maoi], ["moclobemide", "manerix", "aurorix"]),

        // Other antidepressants.
        ("bupropion", [DrugClass.OtherAntidepressant], ["bupropion", "wellbutrin", "zyban", "aplenzin"]),
        ("mirtazapine", [DrugClass.OtherAntidepressant], ["mirtazapine", "remeron", "zispin"]),
        ("trazodone", [DrugClass.OtherAntidepressant], ["trazodone", "desyrel", "oleptro", "molipaxin"]),
        ("vortioxetine", [DrugClass.OtherAntidepressant], ["vortioxetine", "trintellix", "brintellix"]),
        ("vilazodone", [DrugClass.OtherAntidepressant], ["vilazodone", "viibryd"]),
        ("agomelatine", [DrugClass.OtherAntidepressant], ["agomelatine", "valdoxan"]),
        ("nefazodone", [DrugClass.OtherAntidepressant], ["nefazodone", "serzone"]),
        ("reboxetine", [DrugClass.OtherAntidepressant], ["reboxetine", "edronax"]),
        ("gepirone", [DrugClass.OtherAntidepressant], ["gepirone", "exxua"]),

        // Mood stabilisers.
        ("lithium", [DrugClass.MoodStabiliser], ["lithium", "lithobid", "priadel", "camcolit", "eskalith"]),
        ("valproate", [DrugClass.MoodStabiliser], ["valproate", "valproic", "divalproex", "depakote", "depakine", "epilim", "convulex"]),
        ("lamotrigine", [DrugClass.MoodStabiliser], ["lamotrigine", "lamictal"]),
        ("carbamazepine", [DrugClass.MoodStabiliser], ["carbamazepine", "tegretol", "equetro"]),

        // Antipsychotics.
        ("quetiapine", [DrugClass.Antipsychotic], ["quetiapine", "seroquel"]),
        ("aripiprazole", [DrugClass.Antipsychotic], ["aripiprazole", "abilify"]),
        ("brexpiprazole", [DrugClass.Antipsychotic], ["brexpiprazole", "rexulti"]),
        ("cariprazine", [DrugClass.Antipsychotic], ["cariprazine", "vraylar", "reagila"]),
        ("lurasidone", [DrugClass.Antipsychotic], ["lurasidone", "latuda"]),
        ("olanzapine", [DrugClass.Antipsychotic], ["olanzapine", "zyprexa"]),
        ("lumateperone", [DrugClass.Antipsychotic], ["lumateperone", "caplyta"]),
        ("risperidone", [DrugClass.Antipsychotic], ["risperidone", "risperdal"]),

        // Gabapentinoids.
        ("gabapentin", [DrugClass.Gabapentinoid], ["gabapentin", "neurontin", "gralise", "horizant"]),
        ("pregabalin", [DrugClass.Gabapentinoid], ["pregabalin", "lyrica"]),

        // The therapy of the OCD criterion; "exposure ... prevention" is recognised below.
        ("exposure and response prevention", [DrugClass.ExposureAndResponsePrevention], ["erp"]),
    ];

    private static readonly Dictionary<string, ActiveIngredient> ByName = Entries
        .SelectMany(e => e.Names.Select(name => (name, ingredient: new ActiveIngredient(e.Ingredient, e.Classes.ToHashSet()))))
        .ToDictionary(x => x.name, x => x.ingredient, StringComparer.Ordinal);

    private static readonly ActiveIngredient Erp = ByName["erp"];

    /// <summary>Every ingredient in the vocabulary, for tests and documentation.</summary>
    public static IEnumerable<ActiveIngredient> Ingredients => ByName.Values.DistinctBy(i => i.Name);

    /// <summary>
    /// Reads a drug or therapy name: the ingredients its words name (brand or generic, ignoring formulation, salt and
    /// dose words). One ingredient: recognised. Several (a combination product): recognised as the combination. None: not
    /// recognised, compared by its normalised text.
    /// </summary>
    public static DrugName Read(string text)
    {
        var words = Words(text);
        var found = words.Select(w => ByName.GetValueOrDefault(w)).OfType<ActiveIngredient>().DistinctBy(i => i.Name).ToArray();
        if (found.Length == 0 && words.Contains("exposure") && words.Contains("prevention"))
        {
            found = [Erp];
        }

        var ingredient = found.Length switch
        {
            0 => null,
            1 => found[0],
            _ => new ActiveIngredient(string.Join(" + ", found.Select(i => i.Name).Order(StringComparer.Ordinal)), found.SelectMany(i => i.Classes).ToHashSet()),
        };
        var key = ingredient?.Name ?? string.Join(' ', words.Where((w, i) => !IgnoredWords.Contains(w) && !IsDose(words, i)));
        return new DrugName(text, key.Length > 0 ? key : text.Trim().ToLowerInvariant(), ingredient);
    }

    // Lower-case words of letters and digits (a decimal point inside a number too); everything else (spaces, hyphens,
    // slashes, brackets) separates them.
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var character in text)
        {
            if (char.IsLetterOrDigit(character) || (character == '.' && word.Length > 0 && char.IsDigit(word[^1])))
            {
                word.Append(char.ToLowerInvariant(character));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>A dose: "150mg", or "150" followed by a unit word. Other numbers stay part of the name.</summary>
    private static bool IsDose(List<string> words, int index)
    {
        var word = words[index];
        var digits = word.TakeWhile(c => char.IsDigit(c) || c == '.').Count();
        if (digits == 0)
        {
            return false;
        }

        return digits < word.Length
            ? DoseUnits.Contains(word[digits..])
            : index + 1 < words.Count && DoseUnits.Contains(words[index + 1]);
    }

    private static readonly HashSet<string> DoseUnits = new(StringComparer.Ordinal) { "mg", "mcg", "g", "ml" };
}
