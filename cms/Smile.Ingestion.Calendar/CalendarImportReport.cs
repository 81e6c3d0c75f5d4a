namespace Smile.Ingestion.Calendar;

/// <summary>What one import of a feed did. <see cref="KeptEdited"/> lists events an editor changed, left as they are.</summary>
public sealed record CalendarImportReport(int Created, int Updated, int Unchanged, int Unpublished, IReadOnlyList<string> KeptEdited);
