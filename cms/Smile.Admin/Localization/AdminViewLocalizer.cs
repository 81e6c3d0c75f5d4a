using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace Smile.Admin.Localization;

/// <summary>
/// ASP.NET Core's view localizer looks for a view's resources in the host's assembly; the admin's pages
/// and their resource files live in this library. Same naming rule otherwise: the view
/// <c>/Pages/Content/Edit.cshtml</c> reads <c>Resources/Pages/Content/Edit.en.resx</c>.
/// </summary>
public sealed class AdminViewLocalizer(IHtmlLocalizerFactory factory) : IViewLocalizer, IViewContextAware
{
    private static readonly string AssemblyName = typeof(AdminViewLocalizer).Assembly.GetName().Name!;
    private IHtmlLocalizer? _localizer;

    public LocalizedHtmlString this[string name] => Localizer[name];

    public LocalizedHtmlString this[string name, params object[] arguments] => Localizer[name, arguments];

    public void Contextualize(ViewContext viewContext)
    {
        var path = viewContext.ExecutingFilePath ?? viewContext.View.Path;
        var withoutExtension = path[..^Path.GetExtension(path).Length].TrimStart('/');
        _localizer = factory.Create(AssemblyName + "." + withoutExtension.Replace('/', '.').Replace('\\', '.'), AssemblyName);
    }

    public LocalizedString GetString(string name) => Localizer.GetString(name);

    public LocalizedString GetString(string name, params object[] arguments) => Localizer.GetString(name, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => Localizer.GetAllStrings(includeParentCultures);

    private IHtmlLocalizer Localizer => _localizer ?? throw new InvalidOperationException("The view localizer is used before its view is known.");
}
