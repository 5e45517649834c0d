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

    /// <summary>Cognitive behavioural therapy, the first-line psychotherapy of the anxiety criterion (spec §4).</summary>
    CognitiveBehaviouralTherapy,

    /// <summary>
    /// A trauma-focused psychotherapy (cognitive processing therapy, prolonged exposure, EMDR, trauma-focused CBT,
    /// narrative or written exposure therapy), the first-line psychotherapy of the PTSD criterion (spec §4).
    /// </summary>
    TraumaFocusedPsychotherapy,

    /// <summary>Another named psychotherapy (counselling, psychodynamic, interpersonal, ...): counted only where any treatment counts.</summary>
    OtherPsychotherapy,

    /// <summary>
    /// A drug of none of the classes above (a benzodiazepine, buspirone, an opioid, an NSAID, ...): recognised, so a
    /// form is not asked to name it again, and counted only where the criterion names no class of agent.
    /// </summary>
    OtherDrug,
}

/// <summary>An active ingredient (or the one recognised therapy) and its classes.</summary>
public sealed record ActiveIngredient(string Name, IReadOnlySet<DrugClass> Classes)
{
    public bool IsAntidepressant => Classes.Overlaps([DrugClass.Ssri, DrugClass.Snri, DrugClass.Tricyclic, DrugClass.Maoi, DrugClass.OtherAntidepressant]);

    /// <summary>The first-line agents of the anxiety and PTSD criteria (spec §4): an SSRI or an SNRI.</summary>
    public bool IsSsriOrSnri => Classes.Overlaps([DrugClass.Ssri, DrugClass.Snri]);

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
        ("haloperidol", [DrugClass.Antipsychotic], ["haloperidol", "haldol"]),
        ("ziprasidone", [DrugClass.Antipsychotic], ["ziprasidone", "geodon"]),
        ("paliperidone", [DrugClass.Antipsychotic], ["paliperidone", "invega"]),
        ("clozapine", [DrugClass.Antipsychotic], ["clozapine", "clozaril"]),
        ("asenapine", [DrugClass.Antipsychotic], ["asenapine", "saphris"]),
        ("amisulpride", [DrugClass.Antipsychotic], ["amisulpride", "solian"]),

        // Gabapentinoids.
        ("gabapentin", [DrugClass.Gabapentinoid], ["gabapentin", "neurontin", "gralise", "horizant"]),
        ("pregabalin", [DrugClass.Gabapentinoid], ["pregabalin", "lyrica"]),

        // Drugs a treatment history often names that belong to no class a criterion counts: recognised so that they are
        // not counted where the criterion names its agents (anxiety, PTSD, OCD, neuropathic pain, depression), rather
        // than asked about as unknown names.
        ("alprazolam", [DrugClass.OtherDrug], ["alprazolam", "xanax"]),
        ("clonazepam", [DrugClass.OtherDrug], ["clonazepam", "klonopin", "rivotril"]),
        ("diazepam", [DrugClass.OtherDrug], ["diazepam", "valium"]),
        ("lorazepam", [DrugClass.OtherDrug], ["lorazepam", "ativan"]),
        ("chlordiazepoxide", [DrugClass.OtherDrug], ["chlordiazepoxide", "librium"]),
        ("oxazepam", [DrugClass.OtherDrug], ["oxazepam"]),
        ("temazepam", [DrugClass.OtherDrug], ["temazepam", "restoril"]),
        ("buspirone", [DrugClass.OtherDrug], ["buspirone", "buspar"]),
        ("hydroxyzine", [DrugClass.OtherDrug], ["hydroxyzine", "atarax", "vistaril"]),
        ("propranolol", [DrugClass.OtherDrug], ["propranolol", "inderal"]),
        ("prazosin", [DrugClass.OtherDrug], ["prazosin", "minipress"]),
        ("memantine", [DrugClass.OtherDrug], ["memantine", "namenda", "ebixa"]),
        ("acetylcysteine", [DrugClass.OtherDrug], ["acetylcysteine", "nac"]),
        ("topiramate", [DrugClass.OtherDrug], ["topiramate", "topamax"]),
        ("oxcarbazepine", [DrugClass.OtherDrug], ["oxcarbazepine", "trileptal"]),
        ("tramadol", [DrugClass.OtherDrug], ["tramadol", "ultram", "zydol"]),
        ("tapentadol", [DrugClass.OtherDrug], ["tapentadol", "nucynta", "palexia"]),
        ("oxycodone", [DrugClass.OtherDrug], ["oxycodone", "oxycontin", "roxicodone"]),
        ("morphine", [DrugClass.OtherDrug], ["morphine", "ms contin"]),
        ("codeine", [DrugClass.OtherDrug], ["codeine"]),
        ("hydrocodone", [DrugClass.OtherDrug], ["hydrocodone"]),
        ("hydromorphone", [DrugClass.OtherDrug], ["hydromorphone", "dilaudid"]),
        ("buprenorphine", [DrugClass.OtherDrug], ["buprenorphine", "butrans", "subutex"]),
        ("methadone", [DrugClass.OtherDrug], ["methadone"]),
        ("fentanyl", [DrugClass.OtherDrug], ["fentanyl", "duragesic"]),
        ("naltrexone", [DrugClass.OtherDrug], ["naltrexone"]),
        ("ibuprofen", [DrugClass.OtherDrug], ["ibuprofen", "advil", "motrin", "nurofen"]),
        ("naproxen", [DrugClass.OtherDrug], ["naproxen", "naprosyn", "aleve"]),
        ("diclofenac", [DrugClass.OtherDrug], ["diclofenac", "voltaren", "voltarol"]),
        ("celecoxib", [DrugClass.OtherDrug], ["celecoxib", "celebrex"]),
        ("paracetamol", [DrugClass.OtherDrug], ["paracetamol", "acetaminophen", "tylenol"]),
        ("lidocaine", [DrugClass.OtherDrug], ["lidocaine", "lignocaine", "lidoderm", "versatis"]),
        ("capsaicin", [DrugClass.OtherDrug], ["capsaicin", "qutenza"]),
        ("baclofen", [DrugClass.OtherDrug], ["baclofen", "lioresal"]),
        ("cyclobenzaprine", [DrugClass.OtherDrug], ["cyclobenzaprine", "flexeril"]),

        // Psychotherapies. A name of several words matches those words in that order; the longest match wins, so
        // "trauma-focused CBT" is trauma-focused CBT, not CBT as well. "Exposure ... prevention" is recognised below.
        ("exposure and response prevention", [DrugClass.ExposureAndResponsePrevention], ["erp"]),
        ("cognitive behavioural therapy", [DrugClass.CognitiveBehaviouralTherapy],
            ["cbt", "cognitive behavioural", "cognitive behavioral", "cognitive behaviour", "cognitive behavior"]),
        ("trauma-focused cognitive behavioural therapy", [DrugClass.TraumaFocusedPsychotherapy, DrugClass.CognitiveBehaviouralTherapy],
            ["tf cbt", "tfcbt", "trauma focused cbt", "trauma focused cognitive behavioural", "trauma focused cognitive behavioral"]),
        ("cognitive processing therapy", [DrugClass.TraumaFocusedPsychotherapy], ["cpt", "cognitive processing"]),
        ("prolonged exposure therapy", [DrugClass.TraumaFocusedPsychotherapy], ["prolonged exposure"]),
        ("eye movement desensitisation and reprocessing", [DrugClass.TraumaFocusedPsychotherapy],
            ["emdr", "eye movement desensitisation", "eye movement desensitization"]),
        ("narrative exposure therapy", [DrugClass.TraumaFocusedPsychotherapy], ["narrative exposure"]),
        ("written exposure therapy", [DrugClass.TraumaFocusedPsychotherapy], ["written exposure"]),
        ("trauma-focused psychotherapy", [DrugClass.TraumaFocusedPsychotherapy], ["trauma focused"]),
        ("counselling", [DrugClass.OtherPsychotherapy], ["counselling", "counseling", "supportive counselling", "supportive counseling"]),
        ("supportive therapy", [DrugClass.OtherPsychotherapy], ["supportive"]),
        ("psychodynamic therapy", [DrugClass.OtherPsychotherapy], ["psychodynamic"]),
        ("interpersonal therapy", [DrugClass.OtherPsychotherapy], ["ipt", "interpersonal"]),
        ("dialectical behaviour therapy", [DrugClass.OtherPsychotherapy], ["dbt", "dialectical"]),
        ("mindfulness-based therapy", [DrugClass.OtherPsychotherapy], ["mindfulness"]),
        ("psychoeducation", [DrugClass.OtherPsychotherapy], ["psychoeducation"]),
    ];

    private static readonly Dictionary<string, ActiveIngredient> ByName = Entries
        .SelectMany(e => e.Names.Select(name => (name, ingredient: new ActiveIngredient(e.Ingredient, e.Classes.ToHashSet()))))
        .ToDictionary(x => x.name, x => x.ingredient, StringComparer.Ordinal);

    private static readonly ActiveIngredient Erp = ByName["erp"];

    /// <summary>Every ingredient in the vocabulary, for tests and documentation.</summary>
    public static IEnumerable<ActiveIngredient> Ingredients => ByName.Values.DistinctBy(i => i.Name);

    // Names of several words, longest first: they are matched before single words, and a word one of them used is not
    // read again on its own.
    private static readonly (string[] Words, ActiveIngredient Ingredient)[] Phrases = ByName
        .Where(entry => entry.Key.Contains(' ', StringComparison.Ordinal))
        .Select(entry => (entry.Key.Split(' '), entry.Value))
        .OrderByDescending(phrase => phrase.Item1.Length)
        .ToArray();

    /// <summary>
    /// Reads a drug or therapy name: the ingredients its words name (brand or generic, ignoring formulation, salt and
    /// dose words; a name of several words, such as "prolonged exposure", by those words in that order). One
    /// ingredient: recognised. Several (a combination product): recognised as the combination. None: not recognised,
    /// compared by its normalised text.
    /// </summary>
    public static DrugName Read(string text)
    {
        var words = Words(text);
        var used = new bool[words.Count];
        var named = new List<ActiveIngredient>();
        foreach (var (phrase, phraseIngredient) in Phrases)
        {
            for (var start = 0; start + phrase.Length <= words.Count; start++)
            {
                if (IsAt(phrase, words, used, start))
                {
                    named.Add(phraseIngredient);
                    Array.Fill(used, true, start, phrase.Length);
                }
            }
        }

        for (var index = 0; index < words.Count; index++)
        {
            if (!used[index] && ByName.TryGetValue(words[index], out var wordIngredient))
            {
                named.Add(wordIngredient);
            }
        }

        var found = named.DistinctBy(i => i.Name).ToArray();
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

    private static bool IsAt(string[] phrase, List<string> words, bool[] used, int start)
    {
        for (var offset = 0; offset < phrase.Length; offset++)
        {
            if (used[start + offset] || !string.Equals(words[start + offset], phrase[offset], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
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
