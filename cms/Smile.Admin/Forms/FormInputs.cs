using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Smile.Admin.Forms;

/// <summary>
/// The values of an item form by input name, whether they came from a stored version or were just posted:
/// the form renders from these either way, so a refused post shows exactly what the editor typed.
/// </summary>
public sealed class FormInputs
{
    private readonly Dictionary<string, StringValues> _values;

    public FormInputs(Dictionary<string, StringValues>? values = null) => _values = values ?? new(StringComparer.Ordinal);

    public static FormInputs From(IFormCollection form) =>
        new(form.Keys.Where(k => k != "__RequestVerificationToken").ToDictionary(k => k, k => form[k], StringComparer.Ordinal));

    public IEnumerable<string> Names => _values.Keys;

    public string this[string name]
    {
        get => _values.TryGetValue(name, out var value) ? value.ToString() : "";
        set => _values[name] = value;
    }

    public IReadOnlyList<string> All(string name) =>
        _values.TryGetValue(name, out var values) ? [.. values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)] : [];

    public void Set(string name, IEnumerable<string> values) => _values[name] = new StringValues([.. values]);

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>Every value as hidden inputs, for the conflict page's "keep mine".</summary>
    public IEnumerable<KeyValuePair<string, string>> Flatten() =>
        _values.SelectMany(pair => pair.Value.Select(v => new KeyValuePair<string, string>(pair.Key, v ?? "")));

    /// <summary>Form names of one field: <c>f.teaser</c>, <c>f.link.url</c>, <c>f.images.0.alt</c>.</summary>
    public static string Name(string field, params string[] parts) => parts.Length == 0 ? "f." + field : "f." + field + "." + string.Join('.', parts);

    /// <summary>An element id from a form name (ids are referenced from error links and labels).</summary>
    public static string Id(string name) => name.Replace('.', '-');
}
