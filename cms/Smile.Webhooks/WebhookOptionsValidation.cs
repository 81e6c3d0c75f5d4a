using Microsoft.Extensions.Options;
using Smile.Content.Events;

namespace Smile.Webhooks;

/// <summary>A misconfigured receiver stops the start with a message naming the receiver and the setting.</summary>
internal sealed class WebhookOptionsValidation : IValidateOptions<WebhookOptions>
{
    public const int MinimumSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var problems = new List<string>();
        for (var index = 0; index < options.Receivers.Count; index++)
        {
            var receiver = options.Receivers[index];
            var at = $"Smile:Webhooks:Receivers:{index}";
            if (string.IsNullOrWhiteSpace(receiver.Name))
            {
                problems.Add($"{at}:Name is empty; give every receiver a name.");
            }
            else if (options.Receivers.Count(r => r.Name == receiver.Name) > 1)
            {
                problems.Add($"{at}:Name '{receiver.Name}' is used by more than one receiver.");
            }

            if (!Uri.TryCreate(receiver.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"{at}:Url '{receiver.Url}' is not an absolute http(s) URL.");
            }

            if (receiver.Secret.Length < MinimumSecretLength)
            {
                problems.Add($"{at}:Secret must be set to at least {MinimumSecretLength} characters (from the environment, e.g. Smile__Webhooks__Receivers__{index}__Secret); there is no default.");
            }

            foreach (var kind in receiver.Events.Where(e => !Enum.TryParse<ContentEventKind>(e, ignoreCase: true, out _)))
            {
                problems.Add($"{at}:Events has '{kind}', which is none of {string.Join(", ", Enum.GetNames<ContentEventKind>())}.");
            }
        }

        if (options.MaxAttempts < 1)
        {
            problems.Add("Smile:Webhooks:MaxAttempts must be at least 1.");
        }

        if (options.Debounce < TimeSpan.Zero || options.PollInterval <= TimeSpan.Zero || options.RetryDelay <= TimeSpan.Zero || options.Timeout <= TimeSpan.Zero)
        {
            problems.Add("Smile:Webhooks: Debounce must not be negative; PollInterval, RetryDelay and Timeout must be positive.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
