import{Ar as e,B as t,_ as n,_t as r,a as i,h as a,hr as o,l as s,m as c,n as l,o as u,p as d,pr as f,r as p,s as m,t as h,v as g,w as _,wt as v}from"./index-DdNAuqrr.js";import{t as y}from"./descriptions-Cw9sB3bP.js";import{t as b}from"./input-number-ti54F8d6.js";import{n as x,t as S}from"./work-DyvLtxpW.js";import{t as C}from"./progress-CEFnJev6.js";import{t as w}from"./space-Dt6IuGd6.js";import{n as T,t as E}from"./StatusTag-Cn3QY-Qj.js";var D=e(t(),1),O=l(),k=u(`
  query TaskPage($code: String!) {
    task(code: $code) {
      id
      code
      title
      description
      status
      progress
      priority
      startDate
      deadline
      isOverdue
      acceptanceCriteria
      requirement {
        id
        code
        title
      }
      assignee {
        id
        displayName
      }
      executingDepartment {
        id
        name
        nameEn
      }
      progressUpdates {
        id
        percent
        summary
        problems
        supportNeeded
        createdAt
        author {
          id
          displayName
        }
      }
      results {
        id
        note
        decision
        decisionComment
        createdAt
        decidedBy {
          id
          displayName
        }
      }
      comments {
        id
        body
        createdAt
        author {
          id
          displayName
        }
      }
    }
  }
`),A=u(`
  mutation StartTask($id: ID!) {
    startTask(id: $id) {
      id
      status
    }
  }
`),j=u(`
  mutation ReportProgress($input: ReportProgressInput!) {
    reportProgress(input: $input) {
      id
      progress
    }
  }
`),M=u(`
  mutation SubmitTaskResult($input: SubmitTaskResultInput!) {
    submitTaskResult(input: $input) {
      id
      status
    }
  }
`),N=u(`
  mutation ReviewTaskResult($input: ReviewTaskResultInput!) {
    reviewTaskResult(input: $input) {
      id
      status
    }
  }
`),P=u(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
    }
  }
`);function F(){let{code:e=``}=d(),{t,language:l}=m(),{message:u}=r.useApp(),{viewer:F}=h(),{data:I,loading:L,error:R}=o(k,{variables:{code:e}}),z=o(S),B=[k,S],[V]=f(A,{refetchQueries:B}),[H]=f(j,{refetchQueries:B}),[U]=f(M,{refetchQueries:B}),[W]=f(N,{refetchQueries:B}),[G]=f(P,{refetchQueries:[k]}),[K]=g.useForm(),[q]=g.useForm(),[J]=g.useForm(),[Y]=g.useForm();if(R){let e=p(R)===`NOT_FOUND`;return(0,O.jsx)(a,{status:e?`404`:`error`,title:i(R,t,l)})}let X=I?.task;if(!X)return(0,O.jsx)(_,{loading:L});let Z=async(e,n)=>{try{await e(),u.success(t(`task.done`)),n?.resetFields()}catch(e){u.error(i(e,t,l))}},Q=X.assignee?.id===F.id,$=z.data?.myWork.acceptances.some(e=>e.id===X.id)??!1;return(0,O.jsxs)(w,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,O.jsxs)(w,{wrap:!0,align:`center`,children:[(0,O.jsx)(c.Title,{level:1,style:{fontSize:22,margin:0},children:X.title}),(0,O.jsx)(E,{status:X.status}),X.isOverdue&&(0,O.jsx)(T,{color:`red`,children:t(`task.overdue`)})]}),(0,O.jsx)(_,{size:`small`,children:(0,O.jsxs)(y,{column:{xs:1,md:2,xl:3},size:`small`,children:[(0,O.jsx)(y.Item,{label:t(`req.code`),children:X.code}),(0,O.jsx)(y.Item,{label:t(`nav.newRequirement`).replace(/^新建/,``),children:X.requirement&&(0,O.jsx)(s,{to:`/requirements/${X.requirement.code}`,children:X.requirement.title})}),(0,O.jsx)(y.Item,{label:t(`task.assignee`),children:X.assignee?.displayName}),(0,O.jsx)(y.Item,{label:t(`task.department`),children:l===`en`?X.executingDepartment?.nameEn:X.executingDepartment?.name}),(0,O.jsx)(y.Item,{label:t(`task.deadline`),children:X.deadline?(0,D.default)(X.deadline).format(`YYYY-MM-DD HH:mm`):`—`}),(0,O.jsx)(y.Item,{label:t(`task.percent`),children:(0,O.jsx)(C,{percent:X.progress,size:`small`,style:{minWidth:120}})}),X.description&&(0,O.jsx)(y.Item,{label:t(`req.background`),span:{xs:1,md:2,xl:3},children:X.description}),X.acceptanceCriteria&&(0,O.jsx)(y.Item,{label:t(`req.acceptanceCriteria`),span:{xs:1,md:2,xl:3},children:X.acceptanceCriteria})]})}),Q&&X.status===`PENDING`&&(0,O.jsx)(v,{type:`primary`,onClick:()=>void Z(()=>V({variables:{id:X.id}})),children:t(`task.start`)}),Q&&X.status===`IN_PROGRESS`&&(0,O.jsx)(_,{size:`small`,title:t(`task.progress`),children:(0,O.jsxs)(g,{form:K,layout:`vertical`,onFinish:e=>void Z(()=>H({variables:{input:{taskId:X.id,...e}}}),K),children:[(0,O.jsx)(g.Item,{label:t(`task.percent`),name:`percent`,initialValue:X.progress,rules:[{required:!0,type:`integer`,min:0,max:100}],children:(0,O.jsx)(b,{min:0,max:100,addonAfter:`%`})}),(0,O.jsx)(g.Item,{label:t(`task.summary`),name:`summary`,rules:[{required:!0,whitespace:!0}],children:(0,O.jsx)(n.TextArea,{autoSize:{minRows:2}})}),(0,O.jsx)(g.Item,{label:t(`task.problems`),name:`problems`,initialValue:``,children:(0,O.jsx)(n.TextArea,{autoSize:!0})}),(0,O.jsx)(g.Item,{label:t(`task.support`),name:`supportNeeded`,initialValue:``,children:(0,O.jsx)(n.TextArea,{autoSize:!0})}),(0,O.jsx)(v,{type:`primary`,htmlType:`submit`,children:t(`task.report`)})]})}),Q&&X.status===`IN_PROGRESS`&&(0,O.jsx)(_,{size:`small`,title:t(`task.submitResult`),children:(0,O.jsxs)(g,{form:q,layout:`vertical`,onFinish:e=>void Z(()=>U({variables:{input:{taskId:X.id,note:e.note}}}),q),children:[(0,O.jsx)(g.Item,{label:t(`task.note`),name:`note`,rules:[{required:!0,whitespace:!0}],children:(0,O.jsx)(n.TextArea,{autoSize:{minRows:2}})}),(0,O.jsx)(v,{type:`primary`,htmlType:`submit`,children:t(`task.submitResult`)})]})}),$&&(0,O.jsx)(_,{size:`small`,title:t(`work.acceptances`),children:(0,O.jsxs)(g,{form:J,layout:`vertical`,children:[(0,O.jsx)(g.Item,{label:t(`task.decision`),name:`comment`,children:(0,O.jsx)(n.TextArea,{autoSize:{minRows:2}})}),(0,O.jsx)(w,{children:[!0,!1].map(e=>(0,O.jsx)(v,{type:e?`primary`:`default`,danger:!e,onClick:()=>void Z(()=>W({variables:{input:{taskId:X.id,accept:e,comment:J.getFieldValue(`comment`)??``}}})),children:t(e?`task.accept`:`task.rejectResult`)},String(e)))})]})}),(0,O.jsx)(_,{size:`small`,title:t(`task.updates`),children:(0,O.jsx)(x,{size:`small`,dataSource:[...X.progressUpdates].reverse(),locale:{emptyText:t(`common.none`)},renderItem:e=>(0,O.jsx)(x.Item,{children:(0,O.jsx)(x.Item.Meta,{title:`${e.percent}% · ${e.author?.displayName??``} · ${(0,D.default)(e.createdAt).format(`MM-DD HH:mm`)}`,description:[e.summary,e.problems,e.supportNeeded].filter(Boolean).join(` / `)})})})}),X.results.length>0&&(0,O.jsx)(_,{size:`small`,title:t(`task.results`),children:(0,O.jsx)(x,{size:`small`,dataSource:X.results,renderItem:e=>(0,O.jsx)(x.Item,{children:(0,O.jsxs)(w,{direction:`vertical`,size:0,children:[(0,O.jsxs)(w,{children:[(0,O.jsx)(E,{status:e.decision}),(0,O.jsx)(c.Text,{children:e.note})]}),e.decisionComment&&(0,O.jsxs)(c.Text,{type:`secondary`,children:[e.decidedBy?.displayName,`: `,e.decisionComment]})]})})})}),(0,O.jsxs)(_,{size:`small`,title:t(`task.comments`),children:[(0,O.jsx)(x,{size:`small`,dataSource:X.comments,locale:{emptyText:t(`common.none`)},renderItem:e=>(0,O.jsx)(x.Item,{children:(0,O.jsx)(x.Item.Meta,{title:`${e.author?.displayName??``} · ${(0,D.default)(e.createdAt).format(`MM-DD HH:mm`)}`,description:(0,O.jsx)(`span`,{style:{whiteSpace:`pre-wrap`},children:e.body})})})}),(0,O.jsxs)(g,{form:Y,layout:`vertical`,onFinish:e=>void Z(()=>G({variables:{input:{taskId:X.id,body:e.body}}}),Y),children:[(0,O.jsx)(g.Item,{name:`body`,label:t(`task.addComment`),rules:[{required:!0,whitespace:!0}],children:(0,O.jsx)(n.TextArea,{autoSize:{minRows:2}})}),(0,O.jsx)(v,{htmlType:`submit`,children:t(`task.addComment`)})]})]})]})}export{F as default};