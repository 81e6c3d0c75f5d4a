using Smile.Testing;

[assembly: AssemblyFixture(typeof(TestDatabases))]
