using Smile.Admin.Tests;

// One seeded CMS for the run; each test signs in its own users and makes its own items.
[assembly: AssemblyFixture(typeof(AdminCms))]
