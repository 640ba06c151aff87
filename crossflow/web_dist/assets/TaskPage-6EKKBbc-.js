import{T as e,Tt as t,V as n,a as r,c as i,gr as a,h as o,jr as s,l as ee,m as c,mr as l,n as u,o as d,p as f,r as p,s as m,t as h,v as g,vt as _,y as v}from"./index-CuGs6OcC.js";import{t as y}from"./descriptions-CIeECloI.js";import{t as b}from"./input-number-B3esyPWA.js";import{n as x,t as S}from"./work-8No_e3Za.js";import{t as C}from"./progress-COBZwZRC.js";import{t as w}from"./space-CgE23yXn.js";import{n as T,t as E}from"./StatusTag-DXeKTCdq.js";var D=s(n(),1),O=u(),k={PENDING:`purple`,ACCEPTED:`success`,REJECTED:`error`},A=d(`
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
`),j=d(`
  mutation StartTask($id: ID!) {
    startTask(id: $id) {
      id
      status
    }
  }
`),M=d(`
  mutation ReportProgress($input: ReportProgressInput!) {
    reportProgress(input: $input) {
      id
      progress
    }
  }
`),N=d(`
  mutation SubmitTaskResult($input: SubmitTaskResultInput!) {
    submitTaskResult(input: $input) {
      id
      status
    }
  }
`),P=d(`
  mutation ReviewTaskResult($input: ReviewTaskResultInput!) {
    reviewTaskResult(input: $input) {
      id
      status
    }
  }
`),F=d(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
    }
  }
`);function I(){let{code:n=``}=f(),{t:s,language:u}=m(),{message:d}=_.useApp(),{viewer:I}=h(),{data:L,loading:R,error:z}=a(A,{variables:{code:n}}),B=a(S),V=[A,S],[H]=l(j,{refetchQueries:V}),[U]=l(M,{refetchQueries:V}),[W]=l(N,{refetchQueries:V}),[G]=l(P,{refetchQueries:V}),[K]=l(F,{refetchQueries:[A]}),[q]=v.useForm(),[J]=v.useForm(),[Y]=v.useForm(),[X]=v.useForm();if(z){let e=p(z)===`NOT_FOUND`;return(0,O.jsx)(o,{status:e?`404`:`error`,title:r(z,s,u)})}let Z=L?.task;if(!Z)return(0,O.jsx)(e,{loading:R});let Q=async(e,t)=>{try{await e(),d.success(s(`task.done`)),t?.resetFields()}catch(e){d.error(r(e,s,u))}},$=Z.assignee?.id===I.id,te=B.data?.myWork.acceptances.some(e=>e.id===Z.id)??!1;return(0,O.jsxs)(w,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,O.jsxs)(w,{wrap:!0,align:`center`,children:[(0,O.jsx)(c.Title,{level:1,style:{fontSize:22,margin:0},children:Z.title}),(0,O.jsx)(E,{status:Z.status}),Z.isOverdue&&(0,O.jsx)(T,{color:`red`,children:s(`task.overdue`)})]}),(0,O.jsx)(e,{size:`small`,children:(0,O.jsxs)(y,{column:{xs:1,md:2,xl:3},size:`small`,children:[(0,O.jsx)(y.Item,{label:s(`task.code`),children:Z.code}),(0,O.jsx)(y.Item,{label:s(`task.requirement`),children:Z.requirement&&(0,O.jsx)(ee,{to:`/requirements/${Z.requirement.code}`,children:Z.requirement.title})}),(0,O.jsx)(y.Item,{label:s(`task.assignee`),children:Z.assignee?.displayName}),(0,O.jsx)(y.Item,{label:s(`task.department`),children:u===`en`?Z.executingDepartment?.nameEn:Z.executingDepartment?.name}),(0,O.jsx)(y.Item,{label:s(`task.deadline`),children:Z.deadline?(0,D.default)(Z.deadline).format(`YYYY-MM-DD HH:mm`):`—`}),(0,O.jsx)(y.Item,{label:s(`task.percent`),children:(0,O.jsx)(C,{percent:Z.progress,size:`small`,style:{minWidth:120}})}),Z.description&&(0,O.jsx)(y.Item,{label:s(`task.description`),span:{xs:1,md:2,xl:3},children:Z.description}),Z.acceptanceCriteria&&(0,O.jsx)(y.Item,{label:s(`req.acceptanceCriteria`),span:{xs:1,md:2,xl:3},children:Z.acceptanceCriteria})]})}),$&&Z.status===`PENDING`&&(0,O.jsx)(t,{type:`primary`,onClick:()=>void Q(()=>H({variables:{id:Z.id}})),children:s(`task.start`)}),$&&Z.status===`IN_PROGRESS`&&(0,O.jsx)(e,{size:`small`,title:s(`task.progress`),children:(0,O.jsxs)(v,{form:q,layout:`vertical`,onFinish:e=>void Q(()=>U({variables:{input:{taskId:Z.id,...e}}}),q),children:[(0,O.jsx)(v.Item,{label:s(`task.percent`),name:`percent`,initialValue:Z.progress,rules:[{required:!0,type:`integer`,min:0,max:100}],children:(0,O.jsx)(b,{min:0,max:100,addonAfter:`%`})}),(0,O.jsx)(v.Item,{label:s(`task.summary`),name:`summary`,rules:[{required:!0,whitespace:!0}],children:(0,O.jsx)(g.TextArea,{autoSize:{minRows:2}})}),(0,O.jsx)(v.Item,{label:s(`task.problems`),name:`problems`,initialValue:``,children:(0,O.jsx)(g.TextArea,{autoSize:!0})}),(0,O.jsx)(v.Item,{label:s(`task.support`),name:`supportNeeded`,initialValue:``,children:(0,O.jsx)(g.TextArea,{autoSize:!0})}),(0,O.jsx)(t,{type:`primary`,htmlType:`submit`,children:s(`task.report`)})]})}),$&&Z.status===`IN_PROGRESS`&&(0,O.jsx)(e,{size:`small`,title:s(`task.submitResult`),children:(0,O.jsxs)(v,{form:J,layout:`vertical`,onFinish:e=>void Q(()=>W({variables:{input:{taskId:Z.id,note:e.note}}}),J),children:[(0,O.jsx)(v.Item,{label:s(`task.note`),name:`note`,rules:[{required:!0,whitespace:!0}],children:(0,O.jsx)(g.TextArea,{autoSize:{minRows:2}})}),(0,O.jsx)(t,{type:`primary`,htmlType:`submit`,children:s(`task.submitResult`)})]})}),te&&(0,O.jsx)(e,{size:`small`,title:s(`work.acceptances`),children:(0,O.jsxs)(v,{form:Y,layout:`vertical`,children:[(0,O.jsx)(v.Item,{label:s(`task.decision`),name:`comment`,children:(0,O.jsx)(g.TextArea,{autoSize:{minRows:2}})}),(0,O.jsx)(w,{children:[!0,!1].map(e=>(0,O.jsx)(t,{type:e?`primary`:`default`,danger:!e,onClick:()=>void Q(()=>G({variables:{input:{taskId:Z.id,accept:e,comment:Y.getFieldValue(`comment`)??``}}})),children:s(e?`task.accept`:`task.rejectResult`)},String(e)))})]})}),(0,O.jsx)(e,{size:`small`,title:s(`task.updates`),children:(0,O.jsx)(x,{size:`small`,dataSource:Z.progressUpdates,locale:{emptyText:(0,O.jsx)(c.Text,{type:`secondary`,children:s(`common.none`)})},renderItem:e=>(0,O.jsx)(x.Item,{children:(0,O.jsx)(x.Item.Meta,{title:`${e.percent}% · ${e.author?.displayName??``} · ${(0,D.default)(e.createdAt).format(`MM-DD HH:mm`)}`,description:[e.summary,e.problems,e.supportNeeded].filter(Boolean).join(` / `)})})})}),Z.results.length>0&&(0,O.jsx)(e,{size:`small`,title:s(`task.results`),children:(0,O.jsx)(x,{size:`small`,dataSource:Z.results,renderItem:e=>(0,O.jsx)(x.Item,{children:(0,O.jsxs)(w,{direction:`vertical`,size:0,children:[(0,O.jsxs)(w,{children:[(0,O.jsx)(T,{color:k[e.decision],children:i(s,`result`,e.decision)}),(0,O.jsx)(c.Text,{children:e.note})]}),e.decisionComment&&(0,O.jsxs)(c.Text,{type:`secondary`,children:[e.decidedBy?.displayName,`: `,e.decisionComment]})]})})})}),(0,O.jsxs)(e,{size:`small`,title:s(`task.comments`),children:[(0,O.jsx)(x,{size:`small`,dataSource:Z.comments,locale:{emptyText:(0,O.jsx)(c.Text,{type:`secondary`,children:s(`common.none`)})},renderItem:e=>(0,O.jsx)(x.Item,{children:(0,O.jsx)(x.Item.Meta,{title:`${e.author?.displayName??``} · ${(0,D.default)(e.createdAt).format(`MM-DD HH:mm`)}`,description:(0,O.jsx)(`span`,{style:{whiteSpace:`pre-wrap`},children:e.body})})})}),(0,O.jsxs)(v,{form:X,layout:`vertical`,onFinish:e=>void Q(()=>K({variables:{input:{taskId:Z.id,body:e.body}}}),X),children:[(0,O.jsx)(v.Item,{name:`body`,label:s(`task.addComment`),rules:[{required:!0,whitespace:!0}],children:(0,O.jsx)(g.TextArea,{autoSize:{minRows:2}})}),(0,O.jsx)(t,{htmlType:`submit`,children:s(`task.addComment`)})]})]})]})}export{I as default};