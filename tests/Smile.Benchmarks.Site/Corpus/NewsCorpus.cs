using Smile.Content.Routing;

namespace Smile.Benchmarks.Site.Corpus;

/// <summary>One synthetic news item, as both generators get it.</summary>
internal sealed record NewsItem(string Id, string Title, string Slug, string Teaser, string Body, IReadOnlyList<int> Tags, DateTime PublishedAt);

/// <summary>One synthetic tag term; none shares a title (and so a path) with the seed recipe's tags.</summary>
internal sealed record TagTerm(string Id, string Title, string Slug);

/// <summary>
/// The corpus of the issue: news items of about 400 German words, each with 3 of 40 tags, published over the
/// last years. A fixed seed makes it the same on every run and for both generators; slugs are the CMS's own.
/// </summary>
internal sealed class NewsCorpus
{
    public const int Seed = 20261130;

    private static readonly string[] TagWords =
    [
        "Umwelt", "Stadtraum", "Verwaltungsmodernisierung", "Mobilität", "Bildung", "Bürgerbeteiligung", "Sensordaten", "Open Data",
        "Hitzeschutz", "Bodenfeuchte", "Luftqualität", "Stadthafen", "Dierkow", "Schmarl", "Lütten Klein", "Groß Klein",
        "Stadtmitte", "Warnow", "Ehrenamt", "Jugend", "Senioren", "Barrierefreiheit", "Gebärdensprache", "Leichte Sprache",
        "Hackathon", "Barcamp", "Hansestädte", "Energie", "Wasser", "Grünflächen", "Radverkehr", "Nahverkehr",
        "Wohnen", "Kultur", "Sport", "Gesundheit", "Wirtschaft", "Forschung", "Datenschutz", "Künstliche Intelligenz",
    ];

    private static readonly string[] Headlines =
    [
        "Neue Messwerte aus", "Workshop in", "Sensoren für", "Offene Daten aus", "Bürgerdialog in", "Ausleihstation in",
        "Ergebnisse der Befragung in", "Digitaltag in", "Bäume für", "Ideenwerkstatt in",
    ];

    private static readonly string[] Places =
    [
        "Dierkow", "Schmarl", "Lütten Klein", "Groß Klein", "der Stadtmitte", "dem Stadthafen", "Warnemünde", "Evershagen", "Toitenwinkel", "Reutershagen",
    ];

    private NewsCorpus(IReadOnlyList<TagTerm> tags, IReadOnlyList<NewsItem> items)
    {
        Tags = tags;
        Items = items;
    }

    public IReadOnlyList<TagTerm> Tags { get; }

    public IReadOnlyList<NewsItem> Items { get; }

    public static NewsCorpus Generate(int count, int words = 400, int tagsPerItem = 3)
    {
        var random = new Random(Seed);
        var text = new GermanText(random);
        var tags = TagWords.Select((title, i) => new TagTerm($"bench-tag-{i:00}", title, Slugs.FromTitle(title))).ToList();
        var newest = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        var items = new List<NewsItem>(count);
        for (var n = 1; n <= count; n++)
        {
            var title = $"{Headlines[random.Next(Headlines.Length)]} {Places[random.Next(Places.Length)]} ({n})";
            var chosen = new SortedSet<int>();
            while (chosen.Count < tagsPerItem)
            {
                chosen.Add(random.Next(tags.Count));
            }

            // Newest first by number, a few hours apart with jitter: a steady newsroom over several years.
            var published = newest.AddHours(-4.0 * n).AddMinutes(-random.Next(180));
            items.Add(new NewsItem($"bench-news-{n:00000}", title, Slugs.FromTitle(title), text.Sentence(), text.Article(words), [.. chosen], published));
        }

        return new NewsCorpus(tags, items);
    }

    /// <summary>The edited text of an item for the incremental rebuilds: one sentence more, the rest as it was.</summary>
    public static string Edited(NewsItem item, int round) => item.Body + $"\nNachtrag {round}: Die Angaben wurden am Vormittag ergänzt.\n";
}
