using Smile.Site.BrowserTests;

// One CMS, one site build and one browser for the whole run; each test opens its own browser context.
[assembly: AssemblyFixture(typeof(PublicSite))]
