import{u as e}from"./index-Bv15gHvB.js";var t=e(`
  query MyWork {
    myWork {
      total
      reviews {
        id
        code
        title
        status
        priority
        expectedBy
        initiator {
          id
          displayName
        }
      }
      acceptances {
        id
        code
        title
        submittedAt
        assignee {
          id
          displayName
        }
        requirement {
          id
          code
          title
        }
      }
      collaborationRequests {
        id
        content
        expectedBy
        fromUser {
          id
          displayName
        }
        fromDepartment {
          id
          name
          nameEn
        }
        task {
          id
          code
          title
        }
      }
      tasks {
        id
        code
        title
        status
        progress
        deadline
        isOverdue
        requirement {
          id
          code
          title
        }
      }
      feedback {
        id
        code
        title
        status
      }
    }
  }
`);export{t};