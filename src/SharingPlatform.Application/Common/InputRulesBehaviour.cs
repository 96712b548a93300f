using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace SharingPlatform.Application.Common;

/// <summary>
/// Applies <see cref="InputRules"/> to every string and date of every request, its nested inputs and lists included, before
/// its validators run: the one place where a NUL, a bidi override or year 9999 is refused (400, the field named as the
/// validators name it: the property's own name).
/// </summary>
public sealed class InputRulesBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private const int MaxDepth = 5;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        Walk(message, "", 0, failures);
        if (failures.Count > 0)
            throw new ValidationException(failures);
        return next(message, cancellationToken);
    }

    private static void Walk(object? value, string name, int depth, List<ValidationFailure> failures)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (InputRules.Check(text, name) is { } textProblem)
                    failures.Add(new ValidationFailure(name, textProblem));
                return;
            case DateTimeOffset or DateTime or DateOnly:
                if (InputRules.CheckDate(value) is { } dateProblem)
                    failures.Add(new ValidationFailure(name, dateProblem));
                return;
        }

        if (depth >= MaxDepth || failures.Count > 20)
            return;
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is Stream)
            return;
        if (value is IEnumerable items)
        {
            foreach (var item in items)
                Walk(item, name, depth + 1, failures);
            return;
        }

        if (type.Namespace?.StartsWith("SharingPlatform.", StringComparison.Ordinal) != true)
            return;
        foreach (var property in Properties.GetOrAdd(type, Readable))
            Walk(property.GetValue(value), property.Name, depth + 1, failures);
    }

    private static PropertyInfo[] Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && p.Name != "EqualityContract")
            .ToArray();
}
