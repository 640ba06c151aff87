import{T as e,Tt as t,V as n,a as r,gr as i,h as a,jr as o,l as s,m as c,mr as l,n as u,o as d,p as f,r as p,s as m,t as h,v as g,vt as _,y as v}from"./index-DKScxxhA.js";import{t as y}from"./descriptions-DoHAegIi.js";import{t as b}from"./input-number-D69rvCIC.js";import{n as x,t as S}from"./work-oC-FGqaG.js";import{t as C}from"./progress-DSd-m9yO.js";import{t as w}from"./space-Ch2OlAXw.js";import{n as T,t as E}from"./StatusTag-DXF2ljCW.js";var D=o(n(),1),O=u(),k=d(`
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
`),A=d(`
  mutation StartTask($id: ID!) {
    startTask(id: $id) {
      id
      status
    }
  }
`),j=d(`
  mutation ReportProgress($input: ReportProgressInput!) {
    reportProgress(input: $input) {
      id
      progress
    }
  }
`),M=d(`
  mutation SubmitTaskResult($input: SubmitTaskResultInput!) {
    submitTaskResult(input: $input) {
      id
      status
    }
  }
`),N=d(`
  mutation ReviewTaskResult($input: ReviewTaskResultInput!) {
    reviewTaskResult(input: $input) {
      id
      status
    }
  }
`),P=d(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
    }
  }
`);function F(){let{code:n=``}=f(),{t:o,language:u}=m(),{message:d}=_.useApp(),{viewer:F}=h(),{data:I,loading:L,error:R}=i(k,{variables:{code:n}}),z=i(S),B=[k,S],[V]=l(A,{refetchQueries:B}),[H]=l(j,{refetchQueries:B}),[U]=l(M,{refetchQueries:B}),[W]=l(N,{refetchQueries:B}),[G]=l(P,{refetchQueries:[k]}),[K]=v.useForm(),[q]=v.useForm(),[J]=v.useForm(),[Y]=v.useForm();if(R){let e=p(R)===`NOT_FOUND`;return(0,O.jsx)(a,{status:e?`404`:`error`,title:r(R,o,u)})}let X=I?.task;if(!X)return(0,O.jsx)(e,{loading:L});let Z=async(e,t)=>{try{await e(),d.success(o(`task.done`)),t?.resetFields()}catch(e){d.error(r(e,o,u))}},Q=X.assignee?.id===F.id,$=z.data?.myWork.acceptances.some(e=>e.id===X.id)??!1;return(0,O.jsxs)(w,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,O.jsxs)(w,{wrap:!0,align:`center`,children:[(0,O.jsx)(c.Title,{level:1,style:{fontSize:22,margin:0},children:X.title}),(0,O.jsx)(E,{status:X.status}),X.isOverdue&&(0,O.jsx)(T,{color:`red`,children:o(`task.overdue`)})]}),(0,O.jsx)(e,{size:`small`,children:(0,O.jsxs)(y,{column:{xs:1,md:2,xl:3},size:`small`,children:[(0,O.jsx)(y.Item,{label:o(`req.code`),children:X.code}),(0,O.jsx)(y.Item,{label:o(`nav.newRequirement`).replace(/^新建/,``),children:X.requirement&&(0,O.jsx)(s,{to:`/requirements/${X.requirement.code}`,children:X.requirement.title})}),(0,O.jsx)(y.Item,{label:o(`task.assignee`),children:X.assignee?.displayName}),(0,O.jsx)(y.Item,{label:o(`task.department`),children:u===`en`?X.executingDepartment?.nameEn:X.executingDepartment?.name}),(0,O.jsx)(y.Item,{label:o(`task.deadline`),children:X.deadline?(0,D.default)(X.deadline).format(`YYYY-MM-DD HH:mm`):`—`}),(0,O.jsx)(y.Item,{label:o(`task.percent`),children:(0,O.jsx)(C,{percent:X.progress,size:`small`,style:{minWidth:120}})}),X.description&&(0,O.jsx)(y.Item,{label:o(`req.background`),span:{xs:1,md:2,xl:3},children:X.description}),X.acceptanceCriteria&&(0,O.jsx)(y.Item,{label:o(`req.acceptanceCriteria`),span:{xs:1,md:2,xl:3},children:X.acceptanceCriteria})]})}),Q&&X.status===`PENDING`&&(0,O.jsx)(t,{type:`primary`,onClick:()=>void Z(()=>V({variables:{id:X.id}})),children:o(`task.start`)}),Q&&X.status===`IN_PROGRESS`&&(0,O.jsx)(e,{size:`small`,title:o(`task.progress`),children:(0,O.jsxs)(v,{form:K,layout:`vertical`,onFinish:e=>void Z(()=>H({variables:{input:{taskId:X.id,...e}}}),K),children:[(0,O.jsx)(v.Item,{label:o(`task.percent`),name:`percent`,initialValue:X.progress,rules:[{required:!0,type:`integer`,min:0,max:100}],children:(0,O.jsx)(b,{min:0,max:100,addonAfter:`%`})}),(0,O.jsx)(v.Item,{label:o(`task.summary`),name:`summary`,rules:[{required:!0,whitespace:!0}],children:(0,O.jsx)(g.TextArea,{autoSize:{minRows:2}})}),(0,O.jsx)(v.Item,{label:o(`task.problems`),name:`problems`,initialValue:``,children:(0,O.jsx)(g.TextArea,{autoSize:!0})}),(0,O.jsx)(v.Item,{label:o(`task.support`),name:`supportNeeded`,initialValue:``,children:(0,O.jsx)(g.TextArea,{autoSize:!0})}),(0,O.jsx)(t,{type:`primary`,htmlType:`submit`,children:o(`task.report`)})]})}),Q&&X.status===`IN_PROGRESS`&&(0,O.jsx)(e,{size:`small`,title:o(`task.submitResult`),children:(0,O.jsxs)(v,{form:q,layout:`vertical`,onFinish:e=>void Z(()=>U({variables:{input:{taskId:X.id,note:e.note}}}),q),children:[(0,O.jsx)(v.Item,{label:o(`task.note`),name:`note`,rules:[{required:!0,whitespace:!0}],children:(0,O.jsx)(g.TextArea,{autoSize:{minRows:2}})}),(0,O.jsx)(t,{type:`primary`,htmlType:`submit`,children:o(`task.submitResult`)})]})}),$&&(0,O.jsx)(e,{size:`small`,title:o(`work.acceptances`),children:(0,O.jsxs)(v,{form:J,layout:`vertical`,children:[(0,O.jsx)(v.Item,{label:o(`task.decision`),name:`comment`,children:(0,O.jsx)(g.TextArea,{autoSize:{minRows:2}})}),(0,O.jsx)(w,{children:[!0,!1].map(e=>(0,O.jsx)(t,{type:e?`primary`:`default`,danger:!e,onClick:()=>void Z(()=>W({variables:{input:{taskId:X.id,accept:e,comment:J.getFieldValue(`comment`)??``}}})),children:o(e?`task.accept`:`task.rejectResult`)},String(e)))})]})}),(0,O.jsx)(e,{size:`small`,title:o(`task.updates`),children:(0,O.jsx)(x,{size:`small`,dataSource:[...X.progressUpdates].reverse(),locale:{emptyText:(0,O.jsx)(c.Text,{type:`secondary`,children:o(`common.none`)})},renderItem:e=>(0,O.jsx)(x.Item,{children:(0,O.jsx)(x.Item.Meta,{title:`${e.percent}% · ${e.author?.displayName??``} · ${(0,D.default)(e.createdAt).format(`MM-DD HH:mm`)}`,description:[e.summary,e.problems,e.supportNeeded].filter(Boolean).join(` / `)})})})}),X.results.length>0&&(0,O.jsx)(e,{size:`small`,title:o(`task.results`),children:(0,O.jsx)(x,{size:`small`,dataSource:X.results,renderItem:e=>(0,O.jsx)(x.Item,{children:(0,O.jsxs)(w,{direction:`vertical`,size:0,children:[(0,O.jsxs)(w,{children:[(0,O.jsx)(E,{status:e.decision}),(0,O.jsx)(c.Text,{children:e.note})]}),e.decisionComment&&(0,O.jsxs)(c.Text,{type:`secondary`,children:[e.decidedBy?.displayName,`: `,e.decisionComment]})]})})})}),(0,O.jsxs)(e,{size:`small`,title:o(`task.comments`),children:[(0,O.jsx)(x,{size:`small`,dataSource:X.comments,locale:{emptyText:(0,O.jsx)(c.Text,{type:`secondary`,children:o(`common.none`)})},renderItem:e=>(0,O.jsx)(x.Item,{children:(0,O.jsx)(x.Item.Meta,{title:`${e.author?.displayName??``} · ${(0,D.default)(e.createdAt).format(`MM-DD HH:mm`)}`,description:(0,O.jsx)(`span`,{style:{whiteSpace:`pre-wrap`},children:e.body})})})}),(0,O.jsxs)(v,{form:Y,layout:`vertical`,onFinish:e=>void Z(()=>G({variables:{input:{taskId:X.id,body:e.body}}}),Y),children:[(0,O.jsx)(v.Item,{name:`body`,label:o(`task.addComment`),rules:[{required:!0,whitespace:!0}],children:(0,O.jsx)(g.TextArea,{autoSize:{minRows:2}})}),(0,O.jsx)(t,{htmlType:`submit`,children:o(`task.addComment`)})]})]})]})}export{F as default};