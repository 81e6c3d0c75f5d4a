using Smile.Admin.BrowserTests;

// One CMS on a real port and one browser for the whole run; each test signs in in its own browser context.
[assembly: AssemblyFixture(typeof(AdminSite))]
