// Every rule file reads the same few namespaces: the DSL, the intake model, the facts and the outcome vocabulary.
global using NRules.Fluent.Dsl;
global using Screening.Domain.Facts;
global using Screening.Domain.Intake;
global using Screening.Domain.Outcome;
global using Screening.Domain.Policy;
global using Screening.Rules.Metadata;
