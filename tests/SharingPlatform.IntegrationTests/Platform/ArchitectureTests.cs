using System.Reflection;
using System.Reflection.Emit;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Common;
using Xunit.Abstractions;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>
/// The layering the code keeps, read from the compiled assemblies (signatures and method bodies, so a fully qualified
/// name or a global using hides nothing): the Domain depends on no project of ours; the Application on the Domain only;
/// the Infrastructure not on the Web; and the Application's feature folders (<c>SharingPlatform.Application.X</c>) do
/// not depend on each other in a cycle, except through <c>Common</c>.
/// </summary>
public sealed class ArchitectureTests(ITestOutputHelper output)
{
    private static readonly Assembly Domain = typeof(DomainRuleException).Assembly;
    private static readonly Assembly Application = typeof(IApplicationDbContext).Assembly;
    private static readonly Assembly Infrastructure = typeof(SharingPlatform.Infrastructure.Data.ApplicationDbContext).Assembly;

    [Fact]
    public void The_domain_depends_on_no_project_of_ours()
    {
        OurReferences(Domain).ShouldBeEmpty();
    }

    [Fact]
    public void The_application_depends_on_the_domain_only()
    {
        OurReferences(Application).ShouldBe(["SharingPlatform.Domain"]);
    }

    [Fact]
    public void The_infrastructure_does_not_depend_on_the_web()
    {
        OurReferences(Infrastructure).ShouldNotContain("SharingPlatform.Web");
    }

    [Fact]
    public void Feature_folders_of_the_application_do_not_depend_on_each_other_in_a_cycle()
    {
        var edges = FeatureDependencies();
        var features = edges.Keys.Union(edges.Values.SelectMany(v => v)).Order().ToList();
        var reaches = features.ToDictionary(f => f, f => Reachable(edges, f));
        var cycles = (from a in features
                      from b in features
                      where string.CompareOrdinal(a, b) < 0 && reaches[a].Contains(b) && reaches[b].Contains(a)
                      select (a, b)).ToList();
        foreach (var (feature, uses) in edges.OrderBy(e => e.Key))
            output.WriteLine($"{feature} -> {string.Join(", ", uses.Order())}");

        cycles.Select(c => $"{c.a} <-> {c.b}").ShouldBeEmpty("feature folders that depend on each other: share through Common instead");
    }

    private static List<string> OurReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("SharingPlatform.", StringComparison.Ordinal)).Order().ToList();

    private static HashSet<string> Reachable(Dictionary<string, HashSet<string>> edges, string from)
    {
        var seen = new HashSet<string>();
        var next = new Stack<string>(edges.GetValueOrDefault(from) ?? []);
        while (next.TryPop(out var feature))
        {
            if (seen.Add(feature))
            {
                foreach (var further in edges.GetValueOrDefault(feature) ?? [])
                    next.Push(further);
            }
        }

        return seen;
    }

    /// <summary>Feature → the other features (not Common) whose types it names anywhere: signatures, fields, bodies.</summary>
    private static Dictionary<string, HashSet<string>> FeatureDependencies()
    {
        var edges = new Dictionary<string, HashSet<string>>();
        foreach (var type in Application.GetTypes())
        {
            if (Feature(type) is not { } feature || feature == "Common")
                continue;
            var uses = edges.TryGetValue(feature, out var set) ? set : edges[feature] = [];
            foreach (var used in TypesNamedBy(type))
            {
                if (Feature(used) is { } other && other != feature && other != "Common")
                    uses.Add(other);
            }
        }

        return edges;
    }

    private static string? Feature(Type type)
    {
        var ns = type.Namespace ?? "";
        const string prefix = "SharingPlatform.Application.";
        if (type.Assembly != Application || !ns.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        var rest = ns[prefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> TypesNamedBy(Type type)
    {
        var named = new List<Type?> { type.BaseType };
        named.AddRange(type.GetInterfaces());
        named.AddRange(type.GetFields(Everything).Select(f => f.FieldType));
        named.AddRange(type.GetProperties(Everything).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
                named.Add(info.ReturnType);
            named.AddRange(method.GetParameters().Select(p => p.ParameterType));
            named.AddRange(TypesInBody(method));
        }

        return named.OfType<Type>().SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
            return Unwrap(type.GetElementType()!);
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
            return Unwrap(type.GetGenericTypeDefinition()).Concat(type.GetGenericArguments().SelectMany(Unwrap));
        return [type];
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The types a method body names: the declaring types of the members it calls or reads, and its type tokens.</summary>
    private static IEnumerable<Type> TypesInBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
            yield break;
        var typeArguments = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
                value = (short)(0xFE00 | il[position++]);
            var code = OpCodesByValue[value];
            var size = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, position),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, position);
                MemberInfo? member = null;
                try
                {
                    member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                }
                catch (ArgumentException)
                {
                }

                if (member is Type named)
                    yield return named;
                else if (member?.DeclaringType is { } declaring)
                    yield return declaring;
                if (member is MethodInfo called)
                {
                    yield return called.ReturnType;
                    foreach (var argument in called.IsGenericMethod ? called.GetGenericArguments() : [])
                        yield return argument;
                }
            }

            position += size;
        }
    }
}
