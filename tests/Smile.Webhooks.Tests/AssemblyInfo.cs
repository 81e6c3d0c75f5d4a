[assembly: AssemblyFixture(typeof(TestDatabases))]
