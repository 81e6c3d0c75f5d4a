[assembly: AssemblyFixture(typeof(Smile.Testing.TestDatabases))]
