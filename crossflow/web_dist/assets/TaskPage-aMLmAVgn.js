import{A as e,Ct as t,Dr as n,K as r,S as i,Tr as a,Wr as o,_ as s,c,f as l,i as ee,jt as u,l as d,n as f,o as p,r as m,u as h,v as g,w as _,y as te}from"./index-DxxYmQ5J.js";import{t as v}from"./descriptions-DpBNe9bS.js";import{i as ne}from"./upload-lVj43C2r.js";import{t as y}from"./list-COtBdQ5B.js";import{t as b}from"./progress-Cak-4nrV.js";import{t as x}from"./space-ASlxUxqI.js";import{t as S}from"./tag-CxEg-cbB.js";import{t as C}from"./StatusTag-BIy1tXKi.js";import{t as w}from"./AttachmentsCard-XlnzltNU.js";import{t as T}from"./work-BssPVuWT.js";var E=o(r(),1),D=m(),O={PENDING:`purple`,ACCEPTED:`success`,REJECTED:`error`},k=c(`
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
      attachments {
        ...AttachmentItem
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
`),A=c(`
  mutation StartTask($id: ID!) {
    startTask(id: $id) {
      id
      status
    }
  }
`),j=c(`
  mutation ReportProgress($input: ReportProgressInput!) {
    reportProgress(input: $input) {
      id
      progress
    }
  }
`),M=c(`
  mutation SubmitTaskResult($input: SubmitTaskResultInput!) {
    submitTaskResult(input: $input) {
      id
      status
    }
  }
`),N=c(`
  mutation ReviewTaskResult($input: ReviewTaskResultInput!) {
    reviewTaskResult(input: $input) {
      id
      status
    }
  }
`),P=c(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
    }
  }
`);function F(){let{code:r=``}=s(),{t:o,language:c}=d(),{message:m}=t.useApp(),{viewer:F}=f(),{data:I,loading:L,error:R,refetch:z}=n(k,{variables:{code:r}}),B=n(T),V=[k,T],[H]=a(A,{refetchQueries:V}),[U]=a(j,{refetchQueries:V}),[W]=a(M,{refetchQueries:V}),[G]=a(N,{refetchQueries:V}),[K]=a(P,{refetchQueries:[k]}),[q]=_.useForm(),[J]=_.useForm(),[Y]=_.useForm(),[X]=_.useForm();if(R){let e=ee(R)===`NOT_FOUND`;return(0,D.jsx)(te,{status:e?`404`:`error`,title:p(R,o,c)})}let Z=I?.task;if(!Z)return(0,D.jsx)(e,{loading:L});let Q=async(e,t)=>{try{await e(),m.success(o(`task.done`)),t?.resetFields()}catch(e){m.error(p(e,o,c))}},$=Z.assignee?.id===F.id,re=B.data?.myWork.acceptances.some(e=>e.id===Z.id)??!1;return(0,D.jsxs)(x,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,D.jsxs)(x,{wrap:!0,align:`center`,children:[(0,D.jsx)(g.Title,{level:1,style:{fontSize:22,margin:0},children:Z.title}),(0,D.jsx)(C,{status:Z.status}),Z.isOverdue&&(0,D.jsx)(S,{color:`red`,children:o(`task.overdue`)})]}),(0,D.jsx)(e,{size:`small`,children:(0,D.jsxs)(v,{column:{xs:1,md:2,xl:3},size:`small`,children:[(0,D.jsx)(v.Item,{label:o(`task.code`),children:Z.code}),(0,D.jsx)(v.Item,{label:o(`task.requirement`),children:Z.requirement&&(0,D.jsx)(l,{to:`/requirements/${Z.requirement.code}`,children:Z.requirement.title})}),(0,D.jsx)(v.Item,{label:o(`task.assignee`),children:Z.assignee?.displayName}),(0,D.jsx)(v.Item,{label:o(`task.department`),children:c===`en`?Z.executingDepartment?.nameEn:Z.executingDepartment?.name}),(0,D.jsx)(v.Item,{label:o(`task.deadline`),children:Z.deadline?(0,E.default)(Z.deadline).format(`YYYY-MM-DD HH:mm`):`—`}),(0,D.jsx)(v.Item,{label:o(`task.percent`),children:(0,D.jsx)(b,{percent:Z.progress,size:`small`,style:{minWidth:120},"aria-label":o(`task.percent`)})}),Z.description&&(0,D.jsx)(v.Item,{label:o(`task.description`),span:{xs:1,md:2,xl:3},children:Z.description}),Z.acceptanceCriteria&&(0,D.jsx)(v.Item,{label:o(`req.acceptanceCriteria`),span:{xs:1,md:2,xl:3},children:Z.acceptanceCriteria})]})}),$&&Z.status===`PENDING`&&(0,D.jsx)(u,{type:`primary`,onClick:()=>void Q(()=>H({variables:{id:Z.id}})),children:o(`task.start`)}),$&&Z.status===`IN_PROGRESS`&&(0,D.jsx)(e,{size:`small`,title:o(`task.progress`),children:(0,D.jsxs)(_,{form:q,layout:`vertical`,onFinish:e=>void Q(()=>U({variables:{input:{taskId:Z.id,...e}}}),q),children:[(0,D.jsx)(_.Item,{label:o(`task.percent`),name:`percent`,initialValue:Z.progress,rules:[{required:!0,type:`integer`,min:0,max:100}],children:(0,D.jsx)(ne,{min:0,max:100,addonAfter:`%`})}),(0,D.jsx)(_.Item,{label:o(`task.summary`),name:`summary`,rules:[{required:!0,whitespace:!0}],children:(0,D.jsx)(i.TextArea,{autoSize:{minRows:2}})}),(0,D.jsx)(_.Item,{label:o(`task.problems`),name:`problems`,initialValue:``,children:(0,D.jsx)(i.TextArea,{autoSize:!0})}),(0,D.jsx)(_.Item,{label:o(`task.support`),name:`supportNeeded`,initialValue:``,children:(0,D.jsx)(i.TextArea,{autoSize:!0})}),(0,D.jsx)(u,{type:`primary`,htmlType:`submit`,children:o(`task.report`)})]})}),$&&Z.status===`IN_PROGRESS`&&(0,D.jsx)(e,{size:`small`,title:o(`task.submitResult`),children:(0,D.jsxs)(_,{form:J,layout:`vertical`,onFinish:e=>void Q(()=>W({variables:{input:{taskId:Z.id,note:e.note}}}),J),children:[(0,D.jsx)(_.Item,{label:o(`task.note`),name:`note`,rules:[{required:!0,whitespace:!0}],children:(0,D.jsx)(i.TextArea,{autoSize:{minRows:2}})}),(0,D.jsx)(u,{type:`primary`,htmlType:`submit`,children:o(`task.submitResult`)})]})}),re&&(0,D.jsx)(e,{size:`small`,title:o(`work.acceptances`),children:(0,D.jsxs)(_,{form:Y,layout:`vertical`,children:[(0,D.jsx)(_.Item,{label:o(`task.decision`),name:`comment`,children:(0,D.jsx)(i.TextArea,{autoSize:{minRows:2}})}),(0,D.jsx)(x,{children:[!0,!1].map(e=>(0,D.jsx)(u,{type:e?`primary`:`default`,danger:!e,onClick:()=>void Q(()=>G({variables:{input:{taskId:Z.id,accept:e,comment:Y.getFieldValue(`comment`)??``}}})),children:o(e?`task.accept`:`task.rejectResult`)},String(e)))})]})}),(0,D.jsx)(e,{size:`small`,title:o(`task.updates`),children:(0,D.jsx)(y,{size:`small`,dataSource:Z.progressUpdates,locale:{emptyText:(0,D.jsx)(g.Text,{type:`secondary`,children:o(`common.none`)})},renderItem:e=>(0,D.jsx)(y.Item,{children:(0,D.jsx)(y.Item.Meta,{title:`${e.percent}% · ${e.author?.displayName??``} · ${(0,E.default)(e.createdAt).format(`MM-DD HH:mm`)}`,description:[e.summary,e.problems,e.supportNeeded].filter(Boolean).join(` / `)})})})}),Z.results.length>0&&(0,D.jsx)(e,{size:`small`,title:o(`task.results`),children:(0,D.jsx)(y,{size:`small`,dataSource:Z.results,renderItem:e=>(0,D.jsx)(y.Item,{children:(0,D.jsxs)(x,{direction:`vertical`,size:0,children:[(0,D.jsxs)(x,{children:[(0,D.jsx)(S,{color:O[e.decision],children:h(o,`result`,e.decision)}),(0,D.jsx)(g.Text,{children:e.note})]}),e.decisionComment&&(0,D.jsxs)(g.Text,{type:`secondary`,children:[e.decidedBy?.displayName,`: `,e.decisionComment]})]})})})}),(0,D.jsx)(w,{attachments:Z.attachments,target:Z.status===`COMPLETED`||!Z.requirement?null:{requirementId:Z.requirement.id,taskId:Z.id},onUploaded:()=>void z()}),(0,D.jsxs)(e,{size:`small`,title:o(`task.comments`),children:[(0,D.jsx)(y,{size:`small`,dataSource:Z.comments,locale:{emptyText:(0,D.jsx)(g.Text,{type:`secondary`,children:o(`common.none`)})},renderItem:e=>(0,D.jsx)(y.Item,{children:(0,D.jsx)(y.Item.Meta,{title:`${e.author?.displayName??``} · ${(0,E.default)(e.createdAt).format(`MM-DD HH:mm`)}`,description:(0,D.jsx)(`span`,{style:{whiteSpace:`pre-wrap`},children:e.body})})})}),(0,D.jsxs)(_,{form:X,layout:`vertical`,onFinish:e=>void Q(()=>K({variables:{input:{taskId:Z.id,body:e.body}}}),X),children:[(0,D.jsx)(_.Item,{name:`body`,label:o(`task.addComment`),rules:[{required:!0,whitespace:!0}],children:(0,D.jsx)(i.TextArea,{autoSize:{minRows:2}})}),(0,D.jsx)(u,{htmlType:`submit`,children:o(`task.addComment`)})]})]})]})}export{F as default};