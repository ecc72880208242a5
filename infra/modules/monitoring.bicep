// Log Analytics workspace that receives the diagnostic settings of the Container Apps environment,
// the Key Vault and the PostgreSQL server, and the workspace-based Application Insights resource that receives
// MentorBot's OpenTelemetry (metrics, traces, logs) through APPLICATIONINSIGHTS_CONNECTION_STRING.

@description('Name of the Log Analytics workspace.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the workspace.')
param tags object

@description('How many days logs are kept (30 to 730).')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

@description('Name of the Application Insights resource.')
param applicationInsightsName string

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: false
  }
}

output id string = workspace.id
output name string = workspace.name
output applicationInsightsConnectionString string = insights.properties.ConnectionString
