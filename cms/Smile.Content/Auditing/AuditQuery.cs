namespace Smile.Content.Auditing;

public sealed record AuditQuery(string? ItemId = null, string? ActorId = null, DateTime? Since = null, int Take = 100);
