using System.Text;

namespace Smile.Benchmarks.Search;

/// <summary>
/// Synthetic German news, the same for every run (a fixed seed): nouns with plural endings, compounds
/// joined with linking letters ("Bewässerungs|anlage"), adjectives, verbs and the stop words German text
/// is full of, drawn with a skew so some words are common and most are rare, like real text.
/// </summary>
internal sealed class Corpus
{
    private static readonly string[] Nouns =
    [
        "Stadt", "Garten", "Hafen", "Sport", "Wasser", "Bürger", "Verwaltung", "Projekt", "Platz", "Park", "Schule", "Straße",
        "Markt", "Haus", "Weg", "Rad", "Bahn", "Energie", "Wärme", "Klima", "Baum", "Fläche", "Sensor", "Daten", "Netz",
        "Licht", "Lärm", "Luft", "Boden", "Feuchte", "Wetter", "Regen", "Strand", "Woche", "Fest", "Kultur", "Museum",
        "Brücke", "Ufer", "Schiff", "Segel", "Verkehr", "Ticket", "Dienst", "Antrag", "Termin", "Portal", "Karte", "Plan",
        "Konzept", "Beteiligung", "Werkstatt", "Labor", "Zentrum", "Quartier", "Nachbarschaft", "Gemeinschaft", "Jugend",
        "Familie", "Kind", "Spiel", "Feld", "Wiese", "Blume", "Pflanze", "Bewässerung", "System", "Anlage", "Station",
        "Messung", "Bericht", "Förderung", "Haushalt", "Entwicklung", "Forschung", "Hochschule", "Wissenschaft",
        "Wirtschaft", "Handel", "Tourismus", "Abend", "Sommer", "Winter", "Herbst", "Feuerwehr", "Sicherheit", "Gesundheit",
        "Pflege", "Sprache", "Zukunft", "Idee", "Lösung", "Werkzeug", "Modell", "Region", "Kommune", "Rathaus", "Bibliothek",
        "Theater", "Konzert", "Ausstellung", "Versammlung", "Sitzung", "Ausschuss", "Umwelt", "Natur", "Wald", "Insel",
        "Küste", "Schutz", "Heizung", "Strom", "Leitung", "Kanal", "Hochwasser", "Deich", "Mobilität", "Fahrrad",
    ];

    private static readonly string[] Adjectives =
    [
        "neu", "digital", "öffentlich", "grün", "sozial", "modern", "klein", "groß", "offen", "nachhaltig", "smart",
        "städtisch", "gemeinsam", "kostenlos", "barrierefrei", "regional", "innovativ", "zentral", "erste", "letzt",
    ];

    private static readonly string[] Verbs =
    [
        "entsteht", "wächst", "beginnt", "startet", "öffnet", "zeigt", "misst", "plant", "baut", "fördert", "informiert",
        "lädt", "diskutiert", "verbindet", "verbessert", "testet", "sammelt", "unterstützt", "erneuert", "berichtet",
    ];

    private static readonly string[] StopWords =
    [
        "der", "die", "das", "und", "in", "mit", "für", "von", "auf", "ist", "wird", "ein", "eine", "im", "am", "zum",
        "zur", "auch", "es", "sich", "werden", "den", "dem", "des", "nach", "bei", "über", "aus",
    ];

    private static readonly string[] PluralEndings = ["", "", "", "e", "en", "n", "s", "er"];
    private static readonly string[] AdjectiveEndings = ["e", "en", "er", "es"];

    private readonly Random _random;

    public Corpus(int seed) => _random = new Random(seed);

    public sealed record Article(string Title, string Teaser, string Body);

    public static IEnumerable<Article> Generate(int count, int seed = 42)
    {
        var corpus = new Corpus(seed);
        for (var i = 0; i < count; i++)
        {
            yield return new Article(corpus.Sentence(5, 9).TrimEnd('.'), corpus.Sentence(15, 25), corpus.Body());
        }
    }

    private string Body()
    {
        var body = new StringBuilder();
        var words = _random.Next(120, 200);
        while (words > 0)
        {
            var sentence = Sentence(8, 18);
            body.Append(sentence).Append(_random.Next(5) == 0 ? "\n\n" : " ");
            words -= sentence.Count(c => c == ' ') + 1;
        }

        return body.ToString().Trim();
    }

    private string Sentence(int min, int max)
    {
        var length = _random.Next(min, max + 1);
        var words = new List<string>(length);
        for (var i = 0; i < length; i++)
        {
            words.Add(_random.Next(10) switch
            {
                < 4 => Pick(StopWords),
                < 7 => Noun(),
                < 8 => Pick(Adjectives) + Pick(AdjectiveEndings),
                < 9 => Pick(Verbs),
                _ => Compound(),
            });
        }

        var sentence = string.Join(' ', words);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".";
    }

    private string Noun() => Pick(Nouns) + Pick(PluralEndings);

    private string Compound()
    {
        var head = Pick(Nouns);
        var tail = Pick(Nouns);
        var link = head.EndsWith("ung", StringComparison.Ordinal) || head.EndsWith("heit", StringComparison.Ordinal) || head.EndsWith("schaft", StringComparison.Ordinal) ? "s"
            : head.EndsWith('e') ? "n"
            : "";
        return head + link + char.ToLowerInvariant(tail[0]) + tail[1..] + Pick(PluralEndings);
    }

    /// <summary>Skewed towards the front: early words are common, late ones rare.</summary>
    private string Pick(string[] words) => words[(int)(words.Length * Math.Pow(_random.NextDouble(), 2))];
}
