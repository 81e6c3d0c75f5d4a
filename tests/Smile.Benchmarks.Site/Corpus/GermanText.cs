using System.Text;

namespace Smile.Benchmarks.Site.Corpus;

/// <summary>Plausible German news prose from fixed phrase pools: readable, varied, and the same for a given seed.</summary>
internal sealed class GermanText(Random random)
{
    private static readonly string[] Subjects =
    [
        "Die Smile City Rostock", "Das Stadtlabor in Lütten Klein", "Die Hanse- und Universitätsstadt Rostock",
        "Das Team der Smart City", "Der Ortsbeirat Dierkow", "Die Nachbarschaft in Schmarl", "Das Amt für Digitalisierung",
        "Die Universität Rostock", "Der Gemeinschaftsgarten in Groß Klein", "Die Stadtverwaltung", "Der Expert*innenrat",
        "Die Stadtwerke", "Eine Gruppe von Schülerinnen und Schülern", "Das Projektteam am Stadthafen", "Die Marktkante in der Stadtmitte",
        "Die Partnerstädte der Smarten Hanse", "Das Umweltamt", "Die Bürgerinitiative am Warnowufer",
    ];

    private static readonly string[] Predicates =
    [
        "stellt neue Messwerte zur Bodenfeuchte vor", "lädt zu einem offenen Workshop über digitale Beteiligung ein",
        "testet Sensoren für die Luftqualität", "veröffentlicht die gesammelten Daten als offene Daten",
        "diskutiert mit Anwohnenden über die Zukunft der Quartiere", "baut eine Ausleihstation für Sportgeräte auf",
        "wertet die Ergebnisse der Befragung aus", "zeigt, wie Verwaltungsleistungen einfacher werden",
        "erprobt eine neue Plattform für Ideen aus der Nachbarschaft", "misst Temperatur und Niederschlag an zwölf Standorten",
        "bereitet den nächsten Digitaltag vor", "tauscht sich mit Lübeck, Stralsund und Wismar aus",
        "pflanzt klimaresiliente Bäume entlang der Straße", "übergibt die Ergebnisse an den Ausschuss",
        "erklärt die Technik hinter dem Sensornetz", "sammelt Vorschläge für barrierefreie Wege",
    ];

    private static readonly string[] Endings =
    [
        "im Stadthafen", "am kommenden Mittwoch", "in enger Zusammenarbeit mit den Stadtwerken",
        "im Rahmen des Modellprojekts Smart Cities", "gemeinsam mit Vereinen aus dem Stadtteil", "noch vor dem Sommer",
        "mit Unterstützung des Bundes", "in der Stadtbibliothek", "auf dem Platz vor dem Ortsamt", "für alle Interessierten",
        "nach einer längeren Testphase", "mit einfachen Mitteln und viel Engagement",
    ];

    private static readonly string[] Closers =
    [
        "Die Ergebnisse fließen in die weitere Planung ein.", "Alle Daten stehen unter einer offenen Lizenz bereit.",
        "Fragen beantwortet das Team gern per E-Mail.", "Die nächste Runde ist bereits in Vorbereitung.",
        "Wer mitmachen möchte, ist herzlich willkommen.", "Ein Bericht folgt in den kommenden Wochen.",
    ];

    private static readonly string[] Headings =
    [
        "Was bisher geschah", "Wie es weitergeht", "Stimmen aus dem Stadtteil", "Die Daten im Überblick", "Mitmachen",
    ];

    private static readonly string[] ListItems =
    [
        "Sensoren messen die Bodenfeuchte im Viertel.", "Die Daten sind frei verfügbar.", "Termine stehen im Veranstaltungskalender.",
        "Die Ausleihe ist kostenlos.", "Anregungen nimmt das Stadtlabor entgegen.", "Die Karte zeigt alle Standorte.",
    ];

    public string Sentence() => $"{Pick(Subjects)} {Pick(Predicates)} {Pick(Endings)}.";

    public string Closer() => Pick(Closers);

    /// <summary>About <paramref name="words"/> words of Markdown: paragraphs, one subheading, one short list.</summary>
    public string Article(int words)
    {
        var text = new StringBuilder();
        var written = 0;
        var paragraph = 0;
        while (written < words)
        {
            if (paragraph == 2)
            {
                text.Append("## ").Append(Pick(Headings)).Append("\n\n");
                for (var i = 0; i < 3; i++)
                {
                    var item = Pick(ListItems);
                    text.Append("- ").Append(item).Append('\n');
                    written += Words(item);
                }

                text.Append('\n');
            }

            var sentences = 3 + random.Next(3);
            for (var s = 0; s < sentences && written < words; s++)
            {
                var sentence = s == sentences - 1 && random.Next(3) == 0 ? Closer() : Sentence();
                text.Append(sentence).Append(s < sentences - 1 ? " " : "");
                written += Words(sentence);
            }

            text.Append("\n\n");
            paragraph++;
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private string Pick(string[] pool) => pool[random.Next(pool.Length)];

    private static int Words(string text) => text.Count(c => c == ' ') + 1;
}
