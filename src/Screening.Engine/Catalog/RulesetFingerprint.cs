using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using Screening.Domain.Intake;
using Screening.Rules;

namespace Screening.Engine.Catalog;

/// <summary>
/// The identity of the compiled rule logic (spec R2-16): a SHA-256 over the IL and metadata of the rules
/// assembly and of the domain model the rules compute from (facts, measures, the intake model's questions and ranges).
/// For the same source and compiler the IL and metadata are deterministic; what differs between builds of the same
/// source is left out: the module id and the assembly-level attributes (build configuration, informational version),
/// and nothing outside the metadata (the PE headers and the debug directory with its build path) is read. Both projects
/// compile optimised in every configuration, so a Debug test run and a Release image agree.
/// </summary>
public static class RulesetFingerprint
{
    private static readonly Lazy<string> Loaded = new(() =>
    {
        using var rules = File.OpenRead(typeof(ScreeningRule).Assembly.Location);
        using var domain = File.OpenRead(typeof(ScreeningRequest).Assembly.Location);
        return Of(rules, domain);
    });

    /// <summary>The fingerprint of the rules and domain assemblies this process runs (read once).</summary>
    public static string OfLoadedRules() => Loaded.Value;

    /// <summary>The fingerprint of the given assemblies (PE images), in order.</summary>
    public static string Of(params Stream[] assemblies)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var assembly in assemblies)
        {
            using var pe = new PEReader(assembly, PEStreamOptions.LeaveOpen);
            AppendCanonical(hash, pe);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendCanonical(IncrementalHash hash, PEReader pe)
    {
        var md = pe.GetMetadataReader();
        void Text(string value)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value));
            hash.AppendData([0]);
        }

        void Blob(BlobHandle handle)
        {
            var bytes = handle.IsNil ? [] : md.GetBlobBytes(handle);
            Text(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            hash.AppendData(bytes);
        }

        void Attributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var handle in attributes)
            {
                var attribute = md.GetCustomAttribute(handle);
                Text(MemberName(md, attribute.Constructor));
                Blob(attribute.Value);
            }
        }

        // Every literal the code uses (ldstr operands point into this heap).
        var userStrings = md.GetHeapSize(HeapIndex.UserString);
        var metadata = pe.GetMetadata().GetContent();
        hash.AppendData(metadata.AsSpan(md.GetHeapMetadataOffset(HeapIndex.UserString), userStrings));

        // Referenced types and members by name: the IL's tokens point at these rows.
        foreach (var handle in md.TypeReferences)
        {
            Text(TypeName(md, handle));
        }

        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            Text(MemberName(md, handle));
            Blob(member.Signature);
        }

        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            Text(TypeName(md, handle));
            Text(((int)type.Attributes).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Text(type.BaseType.IsNil ? string.Empty : EntityName(md, type.BaseType));
            Attributes(type.GetCustomAttributes());

            foreach (var fieldHandle in type.GetFields())
            {
                var field = md.GetFieldDefinition(fieldHandle);
                Text(md.GetString(field.Name));
                Text(((int)field.Attributes).ToString(System.Globalization.CultureInfo.InvariantCulture));
                Blob(field.Signature);
                var constant = field.GetDefaultValue();
                if (!constant.IsNil)
                {
                    Blob(md.GetConstant(constant).Value);
                }

                Attributes(field.GetCustomAttributes());
            }

            foreach (var propertyHandle in type.GetProperties())
            {
                var property = md.GetPropertyDefinition(propertyHandle);
                Text(md.GetString(property.Name));
                Blob(property.Signature);
                Attributes(property.GetCustomAttributes());
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = md.GetMethodDefinition(methodHandle);
                Text(md.GetString(method.Name));
                Text(((int)method.Attributes).ToString(System.Globalization.CultureInfo.InvariantCulture));
                Blob(method.Signature);
                Attributes(method.GetCustomAttributes());
                if (method.RelativeVirtualAddress != 0)
                {
                    var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                    Blob(body.LocalSignature.IsNil ? default : md.GetStandaloneSignature(body.LocalSignature).Signature);
                    hash.AppendData(body.GetILBytes() ?? []);
                }
            }
        }
    }

    private static string TypeName(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        var declaring = type.GetDeclaringType();
        var name = md.GetString(type.Namespace) + "." + md.GetString(type.Name);
        return declaring.IsNil ? name : TypeName(md, declaring) + "+" + md.GetString(type.Name);
    }

    private static string TypeName(MetadataReader md, TypeReferenceHandle handle)
    {
        var type = md.GetTypeReference(handle);
        var name = md.GetString(type.Namespace) + "." + md.GetString(type.Name);
        return type.ResolutionScope.Kind == HandleKind.TypeReference ? TypeName(md, (TypeReferenceHandle)type.ResolutionScope) + "+" + name : name;
    }

    private static string EntityName(MetadataReader md, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => TypeName(md, (TypeDefinitionHandle)handle),
        HandleKind.TypeReference => TypeName(md, (TypeReferenceHandle)handle),
        HandleKind.TypeSpecification => Convert.ToHexString(md.GetBlobBytes(md.GetTypeSpecification((TypeSpecificationHandle)handle).Signature)),
        _ => handle.Kind.ToString(),
    };

    private static string MemberName(MetadataReader md, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.MethodDefinition => TypeName(md, md.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()) + "::" + md.GetString(md.GetMethodDefinition((MethodDefinitionHandle)handle).Name),
        HandleKind.MemberReference => EntityName(md, md.GetMemberReference((MemberReferenceHandle)handle).Parent) + "::" + md.GetString(md.GetMemberReference((MemberReferenceHandle)handle).Name),
        _ => handle.Kind.ToString(),
    };
}
