using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Smile.Testing.Browser;

/// <summary>axe-core's WCAG 2.0/2.1 A and AA rules over what a page shows now, with a readable failure.</summary>
public static class Axe
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Every node only for violations: the passes of a long page would be most of the result's bytes.
        ResultTypes = [ResultType.Violations],
    };

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);

        // No passes at all means axe checked nothing (an empty or unloaded page), which proves nothing.
        if (result.Passes.Length == 0)
        {
            throw new AxeViolationsException($"{page.Url}: axe-core found nothing to check.");
        }

        if (result.Violations.Length > 0)
        {
            throw new AxeViolationsException(Describe(page.Url, result.Violations));
        }
    }

    private static string Describe(string url, AxeResultItem[] violations)
    {
        var text = new StringBuilder($"{url}: {violations.Length} axe violation(s)");
        foreach (var violation in violations)
        {
            text.Append($"\n- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                text.Append($"\n    {node.Target}: {node.Html}");
            }
        }

        return text.ToString();
    }
}

public sealed class AxeViolationsException(string message) : Exception(message);
