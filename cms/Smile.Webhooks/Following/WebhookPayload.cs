using System.Text.Json;
using System.Text.Json.Serialization;
using Smile.Content.Events;

namespace Smile.Webhooks.Following;

/// <summary>
/// The JSON body of one delivery: its id, the outbox range it covers, the changed items (each with what happened
/// to it) and the events themselves, in order. Written once; every attempt sends these exact bytes.
/// </summary>
public static class WebhookPayload
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Build(string deliveryId, string receiver, DateTime createdAt, long from, long to, IReadOnlyList<ContentEvent> events)
    {
        var items = events.Where(e => e.ItemId is not null)
            .GroupBy(e => e.ItemId!, StringComparer.Ordinal)
            .Select(g => new ChangedItem(g.Key, g.Last().ContentType, g.Last().Culture, g.LastOrDefault(e => e.Path is not null)?.Path, [.. g.Select(e => KindName(e.Kind)).Distinct(StringComparer.Ordinal)]))
            .ToList();
        var body = new Body(
            deliveryId,
            receiver,
            createdAt,
            new OutboxRange(from, to),
            items,
            [.. events.Select(e => new Change(e.Sequence, KindName(e.Kind), e.ItemId, e.ContentType, e.Culture, e.Path, e.PreviousPath, e.OccurredAt))]);
        return JsonSerializer.Serialize(body, Json);
    }

    /// <summary><c>Published</c> becomes <c>published</c>, <c>SlugChanged</c> <c>slugChanged</c>.</summary>
    public static string KindName(ContentEventKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private sealed record Body(string Id, string Receiver, DateTime CreatedAt, OutboxRange Outbox, IReadOnlyList<ChangedItem> Items, IReadOnlyList<Change> Events);

    private sealed record OutboxRange(long From, long To);

    private sealed record ChangedItem(string Id, string? ContentType, string? Culture, string? Path, IReadOnlyList<string> Kinds);

    private sealed record Change(long Sequence, string Kind, string? ItemId, string? ContentType, string? Culture, string? Path, string? PreviousPath, DateTime OccurredAt);
}
